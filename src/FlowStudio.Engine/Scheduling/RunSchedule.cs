namespace FlowStudio.Engine.Scheduling;

/// <summary>
/// When a source runs while it is active: <c>once</c> (one run after Activate), <c>interval</c> (every
/// <see cref="Every"/> <see cref="Unit"/>: 1 to 525,600 minutes, 1 to 8,760 hours or 1 to 366 days, so at least once a
/// year) or <c>cron</c> (a <see cref="CronExpression"/> read in <see cref="TimeZone"/>, an IANA name; blank is UTC).
/// A schedule that is not valid (old data stored before a rule existed) has no next run rather than failing.
/// </summary>
public sealed record RunSchedule(string Kind = RunSchedule.Once, int Every = 1, string Unit = "hours", string? Cron = null, string? TimeZone = null)
{
    public const string Once = "once";
    public const string Interval = "interval";
    public const string CronKind = "cron";

    public static readonly RunSchedule Default = new();

    /// <summary>The largest interval count of each unit: a year.</summary>
    public static readonly IReadOnlyDictionary<string, int> MaxEvery = new Dictionary<string, int>
    {
        ["minutes"] = 525_600,
        ["hours"] = 8_760,
        ["days"] = 366,
    };

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        var maxEvery = MaxEvery.GetValueOrDefault(Unit ?? "");
        switch (Kind)
        {
            case Once:
                break;
            case Interval when maxEvery == 0:
                errors.Add(new FieldError("schedule.unit", $"'{Unit}' is not a unit; use minutes, hours or days."));
                break;
            case Interval when Every < 1 || Every > maxEvery:
                errors.Add(new FieldError("schedule.every", $"Run every 1 to {maxEvery:N0} {Unit} (at most a year apart); {Every:N0} is out of range."));
                break;
            case Interval:
                break;
            case CronKind:
                if (CronExpression.Parse(Cron).Problem is { } problem)
                {
                    errors.Add(new FieldError("schedule.cron", problem));
                }

                break;
            default:
                errors.Add(new FieldError("schedule.kind", $"'{Kind}' is not a schedule; use once, interval or cron."));
                break;
        }

        if (ScheduleTimeZone.Find(TimeZone).Problem is { } zoneProblem)
        {
            errors.Add(new FieldError("schedule.timeZone", zoneProblem));
        }

        return errors;
    }

    /// <summary>
    /// When the next run is due after a run that started at <paramref name="lastStart"/> (null: never ran); null for
    /// never (once and done, no cron occurrence left, a date past the calendar's end, or a schedule that is not valid).
    /// </summary>
    public DateTimeOffset? NextAfter(DateTimeOffset? lastStart, DateTimeOffset now)
    {
        if (Validate().Count > 0)
        {
            return null;
        }

        return Kind switch
        {
            Once => lastStart is null ? now : null,
            Interval => lastStart is null ? now : Add(lastStart.Value, Every, Unit),
            CronKind => CronExpression.Parse(Cron).Expression!.Next(lastStart ?? now, Zone()),
            _ => null,
        };
    }

    /// <summary>The zone the schedule's times are read in (UTC when none or an unknown one is named).</summary>
    public TimeZoneInfo Zone() => ScheduleTimeZone.Find(TimeZone).Zone ?? TimeZoneInfo.Utc;

    /// <summary><paramref name="start"/> plus the interval, or null when that is past the last date a DateTimeOffset holds.</summary>
    private static DateTimeOffset? Add(DateTimeOffset start, int every, string unit)
    {
        var unitTicks = unit switch
        {
            "minutes" => TimeSpan.TicksPerMinute,
            "days" => TimeSpan.TicksPerDay,
            _ => TimeSpan.TicksPerHour,
        };
        var room = DateTimeOffset.MaxValue.UtcTicks - start.UtcTicks;
        return every > room / unitTicks ? null : start.ToUniversalTime().AddTicks(every * unitTicks);
    }
}
