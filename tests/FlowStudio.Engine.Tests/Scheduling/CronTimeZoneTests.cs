using System.Globalization;
using FlowStudio.Engine.Scheduling;

namespace FlowStudio.Engine.Tests.Scheduling;

public sealed class CronTimeZoneTests
{
    private static readonly TimeZoneInfo NewYork = ScheduleTimeZone.Find("America/New_York").Zone!;

    [Theory]
    [InlineData("2026-07-01T00:00:00Z", "2026-07-01T13:00:00Z")]
    [InlineData("2026-01-05T00:00:00Z", "2026-01-05T14:00:00Z")]
    [InlineData("2026-07-03T14:00:00Z", "2026-07-06T13:00:00Z")]
    public void Next_WeekdaysAtNineInNewYork_FollowsDaylightSavingTime(string after, string expected)
    {
        var (cron, _) = CronExpression.Parse("0 9 * * MON-FRI");

        var next = cron!.Next(Utc(after), NewYork);

        Assert.Equal(Utc(expected), next);
        Assert.Equal(9, next!.Value.Hour);
    }

    [Fact]
    public void Next_DailyTimeSkippedBySpringForward_RunsOnceRightAfterTheGap()
    {
        // 2026-03-08 in New York: 02:00 EST jumps to 03:00 EDT, so 02:30 does not exist that day.
        var (cron, _) = CronExpression.Parse("30 2 * * *");

        var runs = cron!.Upcoming(Utc("2026-03-07T12:00:00Z"), NewYork, 3);

        Assert.Equal([Utc("2026-03-08T07:00:00Z"), Utc("2026-03-09T06:30:00Z"), Utc("2026-03-10T06:30:00Z")], runs);
        Assert.Equal("03:00", runs[0].ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Next_DailyTimeRepeatedByFallBack_RunsOnce()
    {
        // 2026-11-01 in New York: 01:00-01:59 happens twice (EDT, then EST); 01:30 runs at the first one only.
        var (cron, _) = CronExpression.Parse("30 1 * * *");

        var runs = cron!.Upcoming(Utc("2026-10-31T12:00:00Z"), NewYork, 3);

        Assert.Equal([Utc("2026-11-01T05:30:00Z"), Utc("2026-11-02T06:30:00Z"), Utc("2026-11-03T06:30:00Z")], runs);
    }

    [Fact]
    public void Next_AfterTheFirstOfARepeatedHour_DoesNotRunAgainInTheSecond()
    {
        var (cron, _) = CronExpression.Parse("30 1 * * *");

        Assert.Equal(Utc("2026-11-02T06:30:00Z"), cron!.Next(Utc("2026-11-01T05:30:00Z"), NewYork));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("UTC")]
    [InlineData("Europe/Paris")]
    [InlineData("America/New_York")]
    public void Find_KnownOrBlank_FindsTheZone(string? name)
    {
        var (zone, problem) = ScheduleTimeZone.Find(name);
        Assert.Null(problem);
        Assert.NotNull(zone);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons", "not a time zone")]
    [InlineData("america/new_york", "did you mean America/New_York?")]
    [InlineData("../../etc/passwd", "not a time zone")]
    [InlineData("Eastern Standard Time", "IANA")]
    public void Find_Unknown_SaysSo(string name, string expected)
    {
        var (zone, problem) = ScheduleTimeZone.Find(name);
        Assert.Null(zone);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
