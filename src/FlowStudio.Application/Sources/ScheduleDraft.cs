using System.Globalization;
using FlowStudio.Engine;
using FlowStudio.Engine.Scheduling;

namespace FlowStudio.Application.Sources;

/// <summary>When an active source runs, as the user sets it in the editor (the count as text, so nothing typed is lost).</summary>
public sealed class ScheduleDraft
{
    /// <summary>Each schedule kind with what the user sees in the menu.</summary>
    public static readonly IReadOnlyList<(string Kind, string Label)> Choices =
    [
        (RunSchedule.Once, "Once, when activated"),
        (RunSchedule.Interval, "Every few minutes, hours or days"),
        (RunSchedule.CronKind, "On a cron schedule"),
    ];

    public static readonly IReadOnlyList<string> Units = ["minutes", "hours", "days"];

    public string Kind { get; set; } = RunSchedule.Once;

    public string? Every { get; set; } = "1";

    public string Unit { get; set; } = "hours";

    public string? Cron { get; set; }

    /// <summary>The IANA time zone the cron expression's hours are read in; blank is UTC.</summary>
    public string? TimeZone { get; set; }

    internal static ScheduleDraft From(RunSchedule? schedule) => schedule is null ? new() : new()
    {
        Kind = schedule.Kind,
        Every = schedule.Every.ToString(CultureInfo.InvariantCulture),
        Unit = Units.Contains(schedule.Unit) ? schedule.Unit : "hours",
        Cron = schedule.Cron,
        TimeZone = schedule.TimeZone,
    };

    /// <summary>The engine's schedule (null for the default: once); a count that is not a whole number is a "schedule.every" error.</summary>
    internal RunSchedule? ToSchedule(List<FieldError> errors)
    {
        switch (Kind)
        {
            case RunSchedule.Interval:
                if (!int.TryParse(Every?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var every))
                {
                    errors.Add(new FieldError("schedule.every", $"Enter how many {Unit} apart the runs are, as a whole number such as 6."));
                    return null;
                }

                return new RunSchedule(RunSchedule.Interval, every, Unit);
            case RunSchedule.CronKind:
                return new RunSchedule(RunSchedule.CronKind, Cron: Cron?.Trim(), TimeZone: string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone.Trim());
            default:
                return null;
        }
    }

    /// <summary>A saved schedule in words, for the source page and the list.</summary>
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
