using FlowStudio.Engine.Scheduling;

namespace FlowStudio.Engine.Tests.Scheduling;

public sealed class RunScheduleTests
{
    private static readonly DateTimeOffset Sunday1030 = new(2026, 3, 15, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public void NextAfter_Interval_IsLastStartPlusPeriod()
    {
        var schedule = new RunSchedule(RunSchedule.Interval, 15, "minutes");
        Assert.Empty(schedule.Validate());
        Assert.Equal(Sunday1030.AddMinutes(15), schedule.NextAfter(Sunday1030, Sunday1030.AddMinutes(1)));
        Assert.Equal(Sunday1030, schedule.NextAfter(null, Sunday1030));
    }

    [Fact]
    public void NextAfter_Once_RunsOnlyOnce()
    {
        Assert.Equal(Sunday1030, RunSchedule.Default.NextAfter(null, Sunday1030));
        Assert.Null(RunSchedule.Default.NextAfter(Sunday1030, Sunday1030));
    }

    [Fact]
    public void Validate_BadCron_ReportsScheduleCron()
    {
        var errors = new RunSchedule(RunSchedule.CronKind, Cron: "nope").Validate();
        Assert.Equal("schedule.cron", Assert.Single(errors).Field);
    }

    [Theory]
    [InlineData(2147483647, "hours")]
    [InlineData(8761, "hours")]
    [InlineData(525601, "minutes")]
    [InlineData(367, "days")]
    [InlineData(0, "days")]
    [InlineData(-5, "minutes")]
    public void Validate_IntervalOutOfRange_ReportsScheduleEvery(int every, string unit)
    {
        var error = Assert.Single(new RunSchedule(RunSchedule.Interval, every, unit).Validate());
        Assert.Equal("schedule.every", error.Field);
        Assert.Contains("at most a year", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8760, "hours")]
    [InlineData(525600, "minutes")]
    [InlineData(366, "days")]
    [InlineData(1, "minutes")]
    public void Validate_IntervalAtTheBounds_IsValid(int every, string unit)
    {
        Assert.Empty(new RunSchedule(RunSchedule.Interval, every, unit).Validate());
    }

    [Fact]
    public void NextAfter_GiantIntervalStoredBeforeTheBounds_HasNoNextRunInsteadOfThrowing()
    {
        var schedule = new RunSchedule(RunSchedule.Interval, int.MaxValue, "hours");
        Assert.Null(schedule.NextAfter(Sunday1030, Sunday1030));
    }

    [Fact]
    public void NextAfter_IntervalPastTheCalendarsEnd_IsNull()
    {
        var nearTheEnd = DateTimeOffset.MaxValue.AddDays(-100);
        Assert.Null(new RunSchedule(RunSchedule.Interval, 366, "days").NextAfter(nearTheEnd, nearTheEnd));
    }

    [Fact]
    public void Validate_UnknownTimeZone_ReportsScheduleTimeZone()
    {
        var error = Assert.Single(new RunSchedule(RunSchedule.CronKind, Cron: "0 9 * * *", TimeZone: "Mars/Olympus_Mons").Validate());
        Assert.Equal("schedule.timeZone", error.Field);
        Assert.Contains("Mars/Olympus_Mons", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NextAfter_CronInTimeZone_ReadsTheFieldsAsThatZonesClock()
    {
        var schedule = new RunSchedule(RunSchedule.CronKind, Cron: "0 9 * * MON-FRI", TimeZone: "America/New_York");
        Assert.Equal(new DateTimeOffset(2026, 3, 16, 13, 0, 0, TimeSpan.Zero), schedule.NextAfter(Sunday1030, Sunday1030));
    }
}
