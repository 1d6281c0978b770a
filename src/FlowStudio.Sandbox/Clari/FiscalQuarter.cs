using System.Globalization;

namespace FlowStudio.Sandbox.Clari;

/// <summary>A time period <c>YYYY_Qn</c>. The sandbox org's fiscal year is the calendar year.</summary>
internal readonly record struct FiscalQuarter(int Year, int Quarter)
{
    public string Id => $"{Year}_Q{Quarter}";

    public string Label => $"Q{Quarter} {Year}";

    public DateOnly Start => new(Year, ((Quarter - 1) * 3) + 1, 1);

    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    public int WeekCount => ((End.DayNumber - Start.DayNumber) / 7) + 1;

    public static FiscalQuarter Containing(DateOnly date) => new(date.Year, ((date.Month - 1) / 3) + 1);

    /// <summary>The requested period, or the current quarter when it is missing or unknown (Clari falls back silently).</summary>
    public static FiscalQuarter Resolve(string? requested, DateOnly today)
    {
        var current = Containing(today);
        if (requested is not { Length: 7 } || requested[4] != '_' || requested[5] != 'Q'
            || !int.TryParse(requested.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || requested[6] is < '1' or > '4')
        {
            return current;
        }

        // The sandbox keeps forecasts for the last five years and the next one.
        return year >= today.Year - 5 && year <= today.Year + 1 ? new FiscalQuarter(year, requested[6] - '0') : current;
    }

    /// <summary>The week shown as "current": today's week, the last week of a past period, the first of a future one.</summary>
    public int CurrentWeek(DateOnly today) =>
        today < Start ? 1 : today > End ? WeekCount : ((today.DayNumber - Start.DayNumber) / 7) + 1;

    public (DateOnly Start, DateOnly End) Week(int week)
    {
        var start = Start.AddDays((week - 1) * 7);
        var end = start.AddDays(6);
        return (start, end > End ? End : end);
    }
}
