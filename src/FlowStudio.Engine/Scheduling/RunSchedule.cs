namespace FlowStudio.Engine.Scheduling;

/// <summary>
/// When a source runs while it is active: <c>once</c> (one run after Activate), <c>interval</c> (every
/// <see cref="Every"/> <see cref="Unit"/>: minutes, hours or days) or <c>cron</c> (a five-field UTC expression).
/// </summary>
public sealed record RunSchedule(string Kind = RunSchedule.Once, int Every = 1, string Unit = "hours", string? Cron = null)
{
    public const string Once = "once";
    public const string Interval = "interval";
    public const string CronKind = "cron";

    public static readonly RunSchedule Default = new();

    public IReadOnlyList<FieldError> Validate()
    {
        return Kind switch
        {
            Once => [],
            Interval when Every < 1 => [new FieldError("schedule.every", "Run at least every 1 " + Unit + ".")],
            Interval when Unit is not ("minutes" or "hours" or "days") => [new FieldError("schedule.unit", $"'{Unit}' is not a unit; use minutes, hours or days.")],
            Interval => [],
            CronKind => CronExpression.Parse(Cron).Problem is { } problem ? [new FieldError("schedule.cron", problem)] : [],
            _ => [new FieldError("schedule.kind", $"'{Kind}' is not a schedule; use once, interval or cron.")],
        };
    }

    /// <summary>When the next run is due after a run that started at <paramref name="lastStart"/> (null: never ran).</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset? lastStart, DateTimeOffset now) => Kind switch
    {
        Once => lastStart is null ? now : null,
        Interval => lastStart is null ? now : lastStart.Value + Period(),
        CronKind => CronExpression.Parse(Cron).Expression?.Next(lastStart ?? now),
        _ => null,
    };

    private TimeSpan Period() => Unit switch
    {
        "minutes" => TimeSpan.FromMinutes(Every),
        "days" => TimeSpan.FromDays(Every),
        _ => TimeSpan.FromHours(Every),
    };
}
