using System.Globalization;

namespace FlowStudio.Engine.Scheduling;

/// <summary>A parsed cron expression in plain English ("At 09:00 on Monday through Friday"), day rule included.</summary>
internal static class CronDescriber
{
    public static string Describe(IReadOnlyList<CronField> fields)
    {
        var time = Time(fields[0], fields[1]);
        var (dayOfMonth, month, dayOfWeek) = (fields[2], fields[3], fields[4]);
        var days = (dayOfMonth.IsEvery, dayOfWeek.IsEvery) switch
        {
            (true, true) => time.StartsWith("At", StringComparison.Ordinal) ? "every day" : null,
            (true, false) => "on " + Weekdays(dayOfWeek),
            (false, true) => "on " + DaysOfMonth(dayOfMonth),
            _ when !dayOfMonth.StartsWithStar && !dayOfWeek.StartsWithStar => $"on {DaysOfMonth(dayOfMonth)}, and on every {Weekdays(dayOfWeek)}",
            _ => $"on {DaysOfMonth(dayOfMonth)}, when that day is a {Weekdays(dayOfWeek)}",
        };
        var text = days is null ? time : time + (time.StartsWith("At", StringComparison.Ordinal) ? " " : ", ") + days;
        return month.IsEvery ? text : $"{text}, in {Runs(month.Values(), m => CronNames.Months[m - 1])}";
    }

    private static string Time(CronField minute, CronField hour)
    {
        var minutes = minute.Values();
        var hours = hour.Values();
        if (minute.IsEvery && hour.IsEvery)
        {
            return "Every minute";
        }

        if (hour.IsEvery && minute.Parts is [{ Star: true, Step: var step }])
        {
            return $"Every {step} minutes";
        }

        if (hour.IsEvery && minutes is [var m])
        {
            return m == 0 ? "Every hour, on the hour" : $"Every hour at {m} minutes past";
        }

        if (minutes is [var at] && hour.Parts is [{ Star: true, Step: var every }])
        {
            return $"Every {every} hours from midnight, " + (at == 0 ? "on the hour" : $"at {at} minutes past");
        }

        if (minutes.Count * hours.Count <= 6)
        {
            return "At " + List([.. hours.SelectMany(h => minutes.Select(mm => Clock(h, mm)))]);
        }

        var minuteWords = Words(minute, "minute", v => v.ToString(CultureInfo.InvariantCulture));
        return hour.IsEvery
            ? $"At minutes {minuteWords} past every hour"
            : $"At minutes {minuteWords} past hours {Words(hour, "hour", v => Clock(v, 0))}";
    }

    private static string DaysOfMonth(CronField field) =>
        field.Parts is [{ Star: true, Step: var step }]
            ? $"every {Ordinal(step)} day of the month from the 1st"
            : "the " + Runs(field.Values(), Ordinal) + " of the month";

    private static string Weekdays(CronField field) => Runs(field.Values(), d => CronNames.Weekdays[d]);

    /// <summary>A field's items in words, each star-step as "every Nth unit".</summary>
    private static string Words(CronField field, string unit, Func<int, string> name) =>
        List([.. field.Parts.Select(p => p switch
        {
            { Star: true } => $"every {Ordinal(p.Step)} {unit}",
            _ when p.From == p.To => name(p.From),
            { Step: 1 } => $"{name(p.From)} through {name(p.To)}",
            _ => $"every {Ordinal(p.Step)} {unit} from {name(p.From)} through {name(p.To)}",
        })]);

    /// <summary>Values with consecutive runs of three or more shortened: "Monday through Friday", "the 1st and 15th".</summary>
    private static string Runs(IReadOnlyList<int> values, Func<int, string> name)
    {
        var items = new List<string>();
        for (var i = 0; i < values.Count;)
        {
            var end = i;
            while (end + 1 < values.Count && values[end + 1] == values[end] + 1)
            {
                end++;
            }

            if (end - i >= 2)
            {
                items.Add($"{name(values[i])} through {name(values[end])}");
            }
            else
            {
                items.AddRange(values.Skip(i).Take(end - i + 1).Select(name));
            }

            i = end + 1;
        }

        return List(items);
    }

    private static string List(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    private static string Clock(int hour, int minute) => string.Create(CultureInfo.InvariantCulture, $"{hour:00}:{minute:00}");

    private static string Ordinal(int n) => (n % 100, n % 10) switch
    {
        (11 or 12 or 13, _) => $"{n}th",
        (_, 1) => $"{n}st",
        (_, 2) => $"{n}nd",
        (_, 3) => $"{n}rd",
        _ => $"{n}th",
    };
}
