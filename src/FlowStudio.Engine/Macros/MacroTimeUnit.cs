namespace FlowStudio.Engine.Macros;

/// <summary>The step of a date/time macro: <c>{now-1}</c> is one of these before now.</summary>
public enum MacroTimeUnit
{
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// <summary>One choice of the Time Unit for Operations menu.</summary>
/// <param name="Id">The stored value, e.g. "day".</param>
/// <param name="Label">What the user sees, e.g. "Day".</param>
public sealed record TimeUnitOption(string Id, string Label, MacroTimeUnit Unit);

/// <summary>The time units a source can use for date/time macros.</summary>
public static class MacroTimeUnits
{
    /// <summary>The unit used when a source names none.</summary>
    public const MacroTimeUnit Default = MacroTimeUnit.Day;

    /// <summary>Every unit, in menu order.</summary>
    public static readonly IReadOnlyList<TimeUnitOption> All =
    [
        new("minute", "Minute", MacroTimeUnit.Minute),
        new("hour", "Hour", MacroTimeUnit.Hour),
        new("day", "Day", MacroTimeUnit.Day),
        new("week", "Week", MacroTimeUnit.Week),
        new("month", "Month", MacroTimeUnit.Month),
        new("year", "Year", MacroTimeUnit.Year),
    ];

    /// <summary>Reads "day", "Day", "days" and the like; null or blank gives <see cref="Default"/>.</summary>
    public static bool TryParse(string? text, out MacroTimeUnit unit)
    {
        unit = Default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        if (trimmed.EndsWith('s'))
        {
            trimmed = trimmed[..^1];
        }

        foreach (var option in All)
        {
            if (option.Id.Equals(trimmed, StringComparison.OrdinalIgnoreCase))
            {
                unit = option.Unit;
                return true;
            }
        }

        return false;
    }

    /// <summary><paramref name="now"/> moved by <paramref name="steps"/> units, or null when that leaves the calendar (years 1 to 9999).</summary>
    public static DateTimeOffset? TryShift(DateTimeOffset now, MacroTimeUnit unit, int steps)
    {
        try
        {
            return Shift(now, unit, steps);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary><paramref name="now"/> moved by <paramref name="steps"/> units (negative = earlier).</summary>
    public static DateTimeOffset Shift(DateTimeOffset now, MacroTimeUnit unit, int steps) => unit switch
    {
        MacroTimeUnit.Minute => now.AddMinutes(steps),
        MacroTimeUnit.Hour => now.AddHours(steps),
        MacroTimeUnit.Day => now.AddDays(steps),
        MacroTimeUnit.Week => now.AddDays(7.0 * steps),
        MacroTimeUnit.Month => now.AddMonths(steps),
        MacroTimeUnit.Year => now.AddYears(steps),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown time unit."),
    };
}
