using System.Globalization;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>A contract or item term's length, from its YYYY-MM-DD start and end dates.</summary>
internal readonly record struct Term(int Days, int Months)
{
    public static Term? Between(string? start, string? end)
    {
        if (!DateOnly.TryParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(end, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            || to < from)
        {
            return null;
        }

        var days = to.DayNumber - from.DayNumber + 1;
        return new Term(days, (int)Math.Round(days / 30.4375, MidpointRounding.AwayFromZero));
    }
}
