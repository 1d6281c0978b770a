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

    [Theory]
    [InlineData("0 0 30 2 *")]
    [InlineData("0 0 31 4,6,9,11 *")]
    public void Parse_ADayNoNamedMonthHas_IsRefusedAsNeverRunning(string expression)
    {
        var (cron, problem) = CronExpression.Parse(expression);

        Assert.Null(cron);
        Assert.Contains("never runs", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_February30OrMondays_RunsOnMondays() =>
        Assert.Equal(DayOfWeek.Monday, CronExpression.Parse("0 0 30 2 MON").Expression!.Next(Sunday1030)!.Value.DayOfWeek);

    [Fact]
    public void Parse_OverTheLengthLimit_IsRefusedWithTheLimit() =>
        Assert.Contains("at most 200 characters", CronExpression.Parse("0 0 * * " + string.Join(",", Enumerable.Repeat("1", 200))).Problem, StringComparison.Ordinal);

    [Theory]
    [InlineData("0 9 * * MON-FRI", "2026-03-16T09:00:00Z")]
    [InlineData("0 9 * * mon-fri", "2026-03-16T09:00:00Z")]
    [InlineData("0 0 1 jan-Mar *", "2027-01-01T00:00:00Z")]
    [InlineData("0 0 1 JAN,APR *", "2026-04-01T00:00:00Z")]
    [InlineData("0 12 * * SUN", "2026-03-15T12:00:00Z")]
    [InlineData("0\t9\t*\t*\tMON-FRI", "2026-03-16T09:00:00Z")]
    [InlineData("  0   9 *\t * 1-5 ", "2026-03-16T09:00:00Z")]
    [InlineData("@daily", "2026-03-16T00:00:00Z")]
    [InlineData("@midnight", "2026-03-16T00:00:00Z")]
    [InlineData("@hourly", "2026-03-15T11:00:00Z")]
    [InlineData("@weekly", "2026-03-22T00:00:00Z")]
    [InlineData("@monthly", "2026-04-01T00:00:00Z")]
    [InlineData("@yearly", "2027-01-01T00:00:00Z")]
    [InlineData("@ANNUALLY", "2027-01-01T00:00:00Z")]
    [InlineData("0 18 * * 5-7", "2026-03-15T18:00:00Z")]
    public void Next_NamesTabsAndMacros_ReadAsVixieCronDoes(string expression, string expected)
    {
        var (cron, problem) = CronExpression.Parse(expression);
        Assert.Null(problem);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), cron!.Next(Sunday1030));
    }

    [Theory]
    [InlineData("0 9 * * MON-FRY", "day of week field")]
    [InlineData("0 9 * FOO *", "month field")]
    [InlineData("0 9 * * FRI-MON", "backwards")]
    [InlineData("0 9 MON * *", "day of month field")]
    [InlineData("@reboot", "not a cron macro")]
    [InlineData("0 0 9 * * MON", "Seconds")]
    [InlineData("0 9 L * *", "day of month field")]
    [InlineData("0 9 * * MON#2", "day of week field")]
    [InlineData("", "5 fields")]
    public void Parse_BadNamesAndMacros_NamesTheProblem(string expression, string expected)
    {
        var (cron, problem) = CronExpression.Parse(expression);
        Assert.Null(cron);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_DayOfMonthStartsWithStar_MatchesOnlyDaysThatAreBoth()
    {
        // Vixie: "*/2" starts with *, so the day fields are ANDed: odd days of the month that are Mondays.
        var (cron, _) = CronExpression.Parse("0 0 */2 * MON");
        Assert.Equal(["2026-03-09", "2026-03-23", "2026-04-13", "2026-04-27"], Days(cron!.Upcoming(March1, TimeZoneInfo.Utc, 4)));
    }

    [Fact]
    public void Next_BothDayFieldsRestricted_MatchesEitherDay()
    {
        // Vixie: neither day field starts with *, so a day matches if either does: the 1st, the 15th, and every Monday.
        var (cron, _) = CronExpression.Parse("0 0 1,15 * MON");
        Assert.Equal(["2026-03-02", "2026-03-09", "2026-03-15", "2026-03-16", "2026-03-23", "2026-03-30", "2026-04-01"],
            Days(cron!.Upcoming(March1, TimeZoneInfo.Utc, 7)));
    }

    [Fact]
    public void Next_OnlyOneDayFieldRestricted_UsesThatField()
    {
        Assert.Equal(["2026-03-02", "2026-03-09"], Days(CronExpression.Parse("0 0 * * MON").Expression!.Upcoming(March1, TimeZoneInfo.Utc, 2)));
        Assert.Equal(["2026-03-15", "2026-04-01"], Days(CronExpression.Parse("0 0 1,15 * *").Expression!.Upcoming(March1, TimeZoneInfo.Utc, 2)));
        Assert.Equal(["2026-03-03", "2026-03-05"], Days(CronExpression.Parse("0 0 * * */2").Expression!.Upcoming(March1, TimeZoneInfo.Utc, 2)));
    }

    [Fact]
    public void Cronos_BothDayFieldsRestricted_RequiresBoth()
    {
        // Why CronExpression builds a union for Vixie's either-day case: Cronos alone ANDs the two day fields.
        var cronos = Cronos.CronExpression.Parse("0 0 1,15 * MON");
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), cronos.GetNextOccurrence(March1, TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData("0 9 * * MON-FRI", "At 09:00 on Monday through Friday")]
    [InlineData("*/15 * * * *", "Every 15 minutes")]
    [InlineData("* * * * *", "Every minute")]
    [InlineData("0 * * * *", "Every hour, on the hour")]
    [InlineData("30 */2 * * *", "Every 2 hours from midnight, at 30 minutes past")]
    [InlineData("@daily", "At 00:00 every day")]
    [InlineData("0 9,17 * * *", "At 09:00 and 17:00 every day")]
    [InlineData("0 0 1,15 * MON", "At 00:00 on the 1st and 15th of the month, and on every Monday")]
    [InlineData("0 0 */2 * MON", "At 00:00 on every 2nd day of the month from the 1st, when that day is a Monday")]
    [InlineData("0 6 1 JAN-MAR *", "At 06:00 on the 1st of the month, in January through March")]
    [InlineData("0 8 * * SAT,SUN", "At 08:00 on Sunday and Saturday")]
    [InlineData("0,30 8-18 * * *", "At minutes 0 and 30 past hours 08:00 through 18:00 every day")]
    public void Describe_Expression_SaysItInWords(string expression, string expected)
    {
        Assert.Equal(expected, CronExpression.Parse(expression).Expression!.Describe());
    }

    private static readonly DateTimeOffset March1 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static string[] Days(IEnumerable<DateTimeOffset> runs) =>
        [.. runs.Select(r => r.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))];
}
