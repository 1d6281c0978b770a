using FlowStudio.Engine.Scheduling;

namespace FlowStudio.Engine.Tests.Scheduling;

public sealed class CronExpressionTests
{
    private static readonly DateTimeOffset Sunday1030 = new(2026, 3, 15, 10, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("*/15 * * * *", "2026-03-15T10:45:00Z")]
    [InlineData("0 * * * *", "2026-03-15T11:00:00Z")]
    [InlineData("30 2 * * *", "2026-03-16T02:30:00Z")]
    [InlineData("0 9 * * 1-5", "2026-03-16T09:00:00Z")]
    [InlineData("0 0 1 * *", "2026-04-01T00:00:00Z")]
    [InlineData("0 12 * * 0", "2026-03-15T12:00:00Z")]
    [InlineData("0 12 * * 7", "2026-03-15T12:00:00Z")]
    [InlineData("5,35 10 * * *", "2026-03-15T10:35:00Z")]
    public void Next_Expression_ReturnsFirstMatchingMinuteAfter(string expression, string expected)
    {
        var (cron, problem) = CronExpression.Parse(expression);
        Assert.Null(problem);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), cron!.Next(Sunday1030));
    }

    [Theory]
    [InlineData("* * * *", "5 fields")]
    [InlineData("61 * * * *", "minute field")]
    [InlineData("* 5-2 * * *", "backwards")]
    [InlineData("*/0 * * * *", "step")]
    [InlineData("* * * 13 *", "month field")]
    public void Parse_Malformed_NamesTheProblem(string expression, string expected)
    {
        var (cron, problem) = CronExpression.Parse(expression);
        Assert.Null(cron);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_February30_NeverMatches()
    {
        var (cron, _) = CronExpression.Parse("0 0 30 2 *");
        Assert.Null(cron!.Next(Sunday1030));
    }

    [Fact]
    public void RunSchedule_Interval_NextIsLastStartPlusPeriod()
    {
        var schedule = new RunSchedule(RunSchedule.Interval, 15, "minutes");
        Assert.Empty(schedule.Validate());
        Assert.Equal(Sunday1030.AddMinutes(15), schedule.NextAfter(Sunday1030, Sunday1030.AddMinutes(1)));
        Assert.Equal(Sunday1030, schedule.NextAfter(null, Sunday1030));
    }

    [Fact]
    public void RunSchedule_Once_RunsOnlyOnce()
    {
        Assert.Equal(Sunday1030, RunSchedule.Default.NextAfter(null, Sunday1030));
        Assert.Null(RunSchedule.Default.NextAfter(Sunday1030, Sunday1030));
    }

    [Fact]
    public void RunSchedule_BadCron_ReportsScheduleCron()
    {
        var errors = new RunSchedule(RunSchedule.CronKind, Cron: "nope").Validate();
        Assert.Equal("schedule.cron", Assert.Single(errors).Field);
    }
}
