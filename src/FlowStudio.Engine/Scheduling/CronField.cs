using System.Globalization;

namespace FlowStudio.Engine.Scheduling;

/// <summary>
/// One field of a five-field cron expression as written: a list of <c>*</c>, values, ranges and steps, with month and
/// weekday names (<c>JAN</c>, <c>MON-FRI</c>, any case). <see cref="Normalized"/> is the same field with numbers only.
/// </summary>
internal sealed record CronField(CronFieldKind Kind, string Text, IReadOnlyList<CronPart> Parts)
{
    /// <summary>Vixie cron's test for an unrestricted day field: it starts with <c>*</c> (so <c>*/2</c> counts).</summary>
    public bool StartsWithStar => Text.StartsWith('*');

    /// <summary>Exactly <c>*</c>: every value.</summary>
    public bool IsEvery => Parts is [{ Star: true, Step: 1 }];

    public string Normalized => string.Join(',', Parts.Select(p => p.ToString()));

    /// <summary>The values the field allows, in order (day of week 7 is folded into 0, Sunday).</summary>
    public IReadOnlyList<int> Values()
    {
        var (min, max) = Range(Kind);
        var set = new SortedSet<int>();
        foreach (var part in Parts)
        {
            var (from, to) = part.Star ? (min, max) : (part.From, part.To);
            for (var v = from; v <= to; v += part.Step)
            {
                set.Add(Kind == CronFieldKind.DayOfWeek && v == 7 ? 0 : v);
            }
        }

        return [.. set];
    }

    /// <summary>Parses one field, or says what is wrong with it in words.</summary>
    public static (CronField? Field, string? Problem) Parse(CronFieldKind kind, string text)
    {
        var (min, max) = Range(kind);
        var parts = new List<CronPart>();
        foreach (var item in text.Split(','))
        {
            var (rangeText, stepText) = item.Split('/') switch
            {
                [var r] => (r, null),
                [var r, var s] => (r, s),
                _ => (item, "?"),
            };
            var step = 1;
            if (stepText is not null && (!int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1 || step > max))
            {
                return (null, $"has a step that is not a whole number from 1 to {max}.");
            }

            if (rangeText == "*")
            {
                parts.Add(new CronPart(min, max, step, Star: true));
                continue;
            }

            int from, to;
            if (rangeText.Split('-') is [var a, var b] && TryValue(kind, a, out from) && TryValue(kind, b, out to))
            {
                if (from > to)
                {
                    return (null, $"has a range that runs backwards ({a}-{b}); use a list instead, e.g. {a},{b}.");
                }
            }
            else if (TryValue(kind, rangeText, out from))
            {
                to = stepText is null ? from : max;
            }
            else
            {
                return (null, $"is not {Allowed(kind)}, a range, a list, a step or *.");
            }

            parts.Add(new CronPart(from, to, step, Star: false, Open: stepText is not null && !rangeText.Contains('-', StringComparison.Ordinal)));
        }

        return (new CronField(kind, text, parts), null);
    }

    private static (int Min, int Max) Range(CronFieldKind kind) => kind switch
    {
        CronFieldKind.Minute => (0, 59),
        CronFieldKind.Hour => (0, 23),
        CronFieldKind.DayOfMonth => (1, 31),
        CronFieldKind.Month => (1, 12),
        _ => (0, 7),
    };

    private static string Allowed(CronFieldKind kind) => kind switch
    {
        CronFieldKind.Month => "a month from 1 to 12 or JAN to DEC",
        CronFieldKind.DayOfWeek => "a day from 0 to 7 (0 and 7 are Sunday) or SUN to SAT",
        _ => $"a number from {Range(kind).Min} to {Range(kind).Max}",
    };

    private static bool TryValue(CronFieldKind kind, string text, out int value)
    {
        var names = kind switch
        {
            CronFieldKind.Month => CronNames.Months,
            CronFieldKind.DayOfWeek => CronNames.Weekdays,
            _ => null,
        };
        if (names is not null && text.Length == 3 && Array.FindIndex(names, n => n.StartsWith(text, StringComparison.OrdinalIgnoreCase)) is var index and >= 0)
        {
            value = kind == CronFieldKind.Month ? index + 1 : index;
            return true;
        }

        var (min, max) = Range(kind);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }
}
