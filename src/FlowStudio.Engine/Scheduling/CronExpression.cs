using System.Globalization;

namespace FlowStudio.Engine.Scheduling;

/// <summary>
/// A five-field cron expression (minute hour day-of-month month day-of-week, UTC) with <c>*</c>, lists, ranges and steps;
/// day-of-week 0 or 7 is Sunday. When both day fields are restricted a day matches either, as in Vixie cron.
/// </summary>
public sealed class CronExpression
{
    private static readonly (int Min, int Max)[] Ranges = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)];
    private static readonly string[] FieldNames = ["minute", "hour", "day of month", "month", "day of week"];

    private readonly bool[][] _allowed;
    private readonly bool _anyDayOfMonth;
    private readonly bool _anyDayOfWeek;

    private CronExpression(bool[][] allowed, bool anyDayOfMonth, bool anyDayOfWeek)
    {
        _allowed = allowed;
        _anyDayOfMonth = anyDayOfMonth;
        _anyDayOfWeek = anyDayOfWeek;
    }

    /// <summary>Parses the expression, or returns a message saying which field is wrong and why.</summary>
    public static (CronExpression? Expression, string? Problem) Parse(string? text)
    {
        var fields = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length != 5)
        {
            return (null, $"A cron expression has 5 fields (minute hour day-of-month month day-of-week); '{text}' has {fields.Length}.");
        }

        var allowed = new bool[5][];
        for (var i = 0; i < 5; i++)
        {
            var (set, problem) = ParseField(fields[i], Ranges[i].Min, Ranges[i].Max);
            if (problem is not null)
            {
                return (null, $"The {FieldNames[i]} field '{fields[i]}' {problem}");
            }

            allowed[i] = set!;
        }

        if (allowed[4][7])
        {
            allowed[4][0] = true;
        }

        return (new CronExpression(allowed, fields[2] == "*", fields[4] == "*"), null);
    }

    /// <summary>The first minute strictly after <paramref name="after"/> that matches, searching at most five years ahead.</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        var t = new DateTimeOffset(after.UtcDateTime.Year, after.UtcDateTime.Month, after.UtcDateTime.Day, after.UtcDateTime.Hour, after.UtcDateTime.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        var limit = t.AddYears(5);
        while (t < limit)
        {
            if (!_allowed[3][t.Month])
            {
                t = new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
                continue;
            }

            if (!DayMatches(t))
            {
                t = new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, TimeSpan.Zero).AddDays(1);
                continue;
            }

            if (!_allowed[1][t.Hour])
            {
                t = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
                continue;
            }

            if (_allowed[0][t.Minute])
            {
                return t;
            }

            t = t.AddMinutes(1);
        }

        return null;
    }

    private bool DayMatches(DateTimeOffset t)
    {
        var dayOfMonth = _allowed[2][t.Day];
        var dayOfWeek = _allowed[4][(int)t.DayOfWeek];
        return (_anyDayOfMonth, _anyDayOfWeek) switch
        {
            (true, true) => true,
            (true, false) => dayOfWeek,
            (false, true) => dayOfMonth,
            _ => dayOfMonth || dayOfWeek,
        };
    }

    private static (bool[]? Set, string? Problem) ParseField(string field, int min, int max)
    {
        var set = new bool[max + 1];
        foreach (var part in field.Split(','))
        {
            var (rangeText, stepText) = part.Split('/') switch
            {
                [var r] => (r, null),
                [var r, var s] => (r, s),
                _ => (part, "?"),
            };
            var step = 1;
            if (stepText is not null && (!int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1))
            {
                return (null, "has a step that is not a positive number.");
            }

            int from, to;
            if (rangeText == "*")
            {
                (from, to) = (min, max);
            }
            else if (rangeText.Split('-') is [var a, var b] && TryValue(a, min, max, out from) && TryValue(b, min, max, out to))
            {
                if (from > to)
                {
                    return (null, $"has a range that runs backwards ({from}-{to}).");
                }
            }
            else if (TryValue(rangeText, min, max, out from))
            {
                to = stepText is null ? from : max;
            }
            else
            {
                return (null, $"is not a number from {min} to {max}, a range, a list or *.");
            }

            for (var v = from; v <= to; v += step)
            {
                set[v] = true;
            }
        }

        return (set, null);
    }

    private static bool TryValue(string text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
}
