using System.Globalization;
using FlowStudio.Engine;
using FlowStudio.Engine.Scheduling;

namespace FlowStudio.Web.Features.Sources;

/// <summary>
/// When an active source runs, as posted (<c>Schedule.Kind</c>, <c>Schedule.Every</c>, <c>Schedule.Unit</c>, <c>Schedule.Cron</c>,
/// <c>Schedule.TimeZone</c>).
/// </summary>
public sealed record ScheduleForm
{
    /// <summary>Each schedule kind with what the user sees in the menu.</summary>
    public static readonly IReadOnlyList<(string Kind, string Label)> Choices =
    [
        (RunSchedule.Once, "Once, when activated"),
        (RunSchedule.Interval, "Every few minutes, hours or days"),
        (RunSchedule.CronKind, "On a cron schedule"),
    ];

    public static readonly IReadOnlyList<string> Units = ["minutes", "hours", "days"];

    public string Kind { get; init; } = RunSchedule.Once;

    public string? Every { get; init; }

    public string Unit { get; init; } = "hours";

    public string? Cron { get; init; }

    /// <summary>The IANA time zone the cron expression's hours are read in; blank is UTC.</summary>
    public string? TimeZone { get; init; }

    internal static ScheduleForm Read(Func<string, string?> get)
    {
        var kind = get("Schedule.Kind");
        var unit = get("Schedule.Unit");
        return new ScheduleForm
        {
            Kind = Choices.Any(c => c.Kind == kind) ? kind! : RunSchedule.Once,
            Every = get("Schedule.Every"),
            Unit = Units.Contains(unit ?? "") ? unit! : "hours",
            Cron = get("Schedule.Cron"),
            TimeZone = get("Schedule.TimeZone"),
        };
    }

    /// <summary>The engine's schedule (null for the default: once); a count that is not a whole number is a "schedule.every" error.</summary>
    internal RunSchedule? ToSchedule(List<FieldError> errors)
    {
        switch (Kind)
        {
            case RunSchedule.Interval:
                if (!int.TryParse(Every?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var every))
                {
                    errors.Add(new FieldError("schedule.every", $"Enter how many {Unit} apart the runs are, as a whole number."));
                    return null;
                }

                return new RunSchedule(RunSchedule.Interval, every, Unit);
            case RunSchedule.CronKind:
                return new RunSchedule(RunSchedule.CronKind, Cron: Cron?.Trim(), TimeZone: string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone.Trim());
            default:
                return null;
        }
    }

    /// <summary>A saved schedule in words, for the source page.</summary>
    public static string Describe(RunSchedule? schedule) => schedule switch
    {
        null or { Kind: RunSchedule.Once } => "Once, when activated",
        { Kind: RunSchedule.Interval, Every: 1 } => $"Every {schedule.Unit.TrimEnd('s')}",
        { Kind: RunSchedule.Interval } => $"Every {schedule.Every} {schedule.Unit}",
        { Kind: RunSchedule.CronKind } => CronExpression.Parse(schedule.Cron).Expression is { } cron
            ? $"{cron.Describe()} ({schedule.TimeZone ?? ScheduleTimeZone.Default})"
            : $"Cron {schedule.Cron}",
        _ => schedule.Kind,
    };
}
