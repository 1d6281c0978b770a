using Cronos;

namespace FlowStudio.Engine.Scheduling;

/// <summary>
/// A five-field cron expression (minute hour day-of-month month day-of-week) as Vixie cron reads it: <c>*</c>, lists,
/// ranges, steps, month and weekday names (<c>JAN</c>, <c>MON-FRI</c>, any case), fields apart by spaces or tabs, and
/// the macros <c>@yearly</c>, <c>@annually</c>, <c>@monthly</c>, <c>@weekly</c>, <c>@daily</c>, <c>@midnight</c>,
/// <c>@hourly</c>. Day rule: when either day field starts with <c>*</c> (<c>*</c>, <c>*/2</c>) a day must match both;
/// when both are restricted a day matches if either does (<c>0 0 1,15 * MON</c>: the 1st, the 15th and every Monday).
/// Occurrences are computed by Cronos in a time zone: a time skipped by a daylight-saving change runs once right after
/// the gap, and a time that happens twice runs once.
/// </summary>
public sealed class CronExpression
{
    private static readonly string[] FieldNames = ["minute", "hour", "day of month", "month", "day of week"];

    private readonly IReadOnlyList<CronField> _fields;
    private readonly Cronos.CronExpression[] _schedules;

    private CronExpression(string text, IReadOnlyList<CronField> fields, Cronos.CronExpression[] schedules)
    {
        Text = text;
        _fields = fields;
        _schedules = schedules;
    }

    /// <summary>The expression as written, without surrounding blanks.</summary>
    public string Text { get; }

    /// <summary>The longest expression accepted.</summary>
    public const int MaxLength = 200;

    /// <summary>Parses the expression, or returns a message saying which field is wrong and why.</summary>
    public static (CronExpression? Expression, string? Problem) Parse(string? text)
    {
        var written = (text ?? "").Trim();
        if (written.Length > MaxLength)
        {
            return (null, $"A cron expression has at most {MaxLength} characters; this one has {written.Length}.");
        }

        var expanded = written;
        if (written.StartsWith('@'))
        {
            if (!CronNames.Macros.TryGetValue(written, out var macro))
            {
                return (null, $"'{written}' is not a cron macro; use {string.Join(", ", CronNames.Macros.Keys)}.");
            }

            expanded = macro;
        }

        var texts = expanded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (texts.Length != 5)
        {
            return (null, $"A cron expression has 5 fields (minute hour day-of-month month day-of-week); '{written}' has {texts.Length}."
                + (texts.Length == 6 ? " Seconds and years are not supported." : ""));
        }

        var fields = new CronField[5];
        for (var i = 0; i < 5; i++)
        {
            var (field, problem) = CronField.Parse((CronFieldKind)i, texts[i]);
            if (problem is not null)
            {
                return (null, $"The {FieldNames[i]} field '{texts[i]}' {problem}");
            }

            fields[i] = field!;
        }

        try
        {
            var expression = new CronExpression(written, fields, Schedules(fields));
            // A day that no month named has (the 30th of February) would never run: say so now, not by silence.
            return expression.Next(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)) is null
                ? (null, $"'{written}' never runs: none of the months it names has that day of the month.")
                : (expression, null);
        }
        catch (CronFormatException ex)
        {
            return (null, $"'{written}' cannot be scheduled: {ex.Message}");
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/> in UTC; null if there is none.</summary>
    public DateTimeOffset? Next(DateTimeOffset after) => Next(after, TimeZoneInfo.Utc);

    /// <summary>
    /// The first occurrence strictly after <paramref name="after"/>, reading the fields as wall-clock times in
    /// <paramref name="zone"/>; the result carries that zone's offset. Null if there is none (e.g. <c>0 0 30 2 *</c>).
    /// </summary>
    public DateTimeOffset? Next(DateTimeOffset after, TimeZoneInfo zone)
    {
        DateTimeOffset? first = null;
        foreach (var schedule in _schedules)
        {
            if (schedule.GetNextOccurrence(after, zone) is { } next && (first is null || next < first))
            {
                first = next;
            }
        }

        return first;
    }

    /// <summary>Up to <paramref name="count"/> occurrences after <paramref name="after"/> in <paramref name="zone"/>.</summary>
    public IReadOnlyList<DateTimeOffset> Upcoming(DateTimeOffset after, TimeZoneInfo zone, int count)
    {
        var runs = new List<DateTimeOffset>(count);
        var from = after;
        while (runs.Count < count && Next(from, zone) is { } next)
        {
            runs.Add(next);
            from = next;
        }

        return runs;
    }

    /// <summary>The expression in plain English, e.g. "At 09:00 on Monday through Friday".</summary>
    public string Describe() => CronDescriber.Describe(_fields);

    /// <summary>
    /// Cronos requires a day to match both day fields, so Vixie's either-day case (both fields restricted, neither
    /// starting with <c>*</c>) is the union of two schedules: one with the day of week open, one with the day of month open.
    /// </summary>
    private static Cronos.CronExpression[] Schedules(IReadOnlyList<CronField> f)
    {
        var (minute, hour, month) = (f[0].Normalized, f[1].Normalized, f[3].Normalized);
        return f[2].StartsWithStar || f[4].StartsWithStar
            ? [Cronos.CronExpression.Parse($"{minute} {hour} {f[2].Normalized} {month} {f[4].Normalized}")]
            : [Cronos.CronExpression.Parse($"{minute} {hour} {f[2].Normalized} {month} *"), Cronos.CronExpression.Parse($"{minute} {hour} * {month} {f[4].Normalized}")];
    }
}
