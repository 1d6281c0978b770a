using System.Globalization;
using FlowStudio.Engine.Scheduling;

namespace FlowStudio.Application.Sources;

/// <summary>A cron schedule's next runs as the user reads them: on the schedule zone's clock, each with its UTC offset.</summary>
internal static class ScheduleRuns
{
    public const int Shown = 5;

    /// <summary>The next <see cref="Shown"/> runs after <paramref name="now"/>; none for a schedule that is not a valid cron one.</summary>
    public static IReadOnlyList<string> Next(string? cron, string? timeZone, DateTimeOffset now)
    {
        var zone = ScheduleTimeZone.Find(timeZone).Zone;
        return zone is not null && CronExpression.Parse(cron).Expression is { } expression
            ? [.. expression.Upcoming(now, zone, Shown).Select(Format)]
            : [];
    }

    /// <summary>"Mon 2026-03-16 09:00 (UTC-04:00)".</summary>
    public static string Format(DateTimeOffset time)
    {
        var offset = time.Offset == TimeSpan.Zero
            ? "UTC"
            : "UTC" + (time.Offset < TimeSpan.Zero ? "-" : "+") + time.Offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        return time.ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + $" ({offset})";
    }
}
