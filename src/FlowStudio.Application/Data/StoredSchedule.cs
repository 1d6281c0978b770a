using System.Text.Json;
using FlowStudio.Engine.Scheduling;

namespace FlowStudio.Application.Data;

/// <summary>
/// <see cref="Source.ScheduleJson"/>, the one stored shape of a run schedule (kind, every, unit, cron, timeZone), read
/// and written here only. Rows written before a rule existed may hold a schedule that no longer validates, or even
/// JSON that no longer reads; the scheduler and the pages each decide what to do with that.
/// </summary>
internal static class StoredSchedule
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The schedule as stored: cron and zone without surrounding blanks, a blank zone as none (UTC).</summary>
    public static string? Write(RunSchedule? schedule) => schedule is null
        ? null
        : JsonSerializer.Serialize(schedule with { Cron = schedule.Cron?.Trim(), TimeZone = string.IsNullOrWhiteSpace(schedule.TimeZone) ? null : schedule.TimeZone.Trim() }, Json);

    /// <summary>The stored schedule (null: none stored); throws <see cref="JsonException"/> when the JSON does not read.</summary>
    public static RunSchedule? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<RunSchedule>(json, Json);

    /// <summary>The stored schedule, or why it cannot be used (it does not read, or no longer passes validation).</summary>
    public static (RunSchedule? Schedule, string? Problem) Inspect(string? json)
    {
        RunSchedule? schedule;
        try
        {
            schedule = Read(json);
        }
        catch (JsonException ex)
        {
            return (null, $"The stored schedule cannot be read ({ex.Message}); edit the source to set it again.");
        }

        return schedule?.Validate() is { Count: > 0 } errors
            ? (schedule, "This schedule is not valid, so the source does not run on it: " + string.Join(" ", errors.Select(e => e.Message)))
            : (schedule, null);
    }
}
