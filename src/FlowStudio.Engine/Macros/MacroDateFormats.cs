using System.Globalization;

namespace FlowStudio.Engine.Macros;

/// <summary>One choice of the Date Format for Date/Time Macro menu.</summary>
/// <param name="Id">The stored value, e.g. "yyyy-MM-dd" or "epochSeconds".</param>
/// <param name="Label">What the user sees, e.g. "Date (yyyy-MM-dd)".</param>
public sealed record DateFormatOption(string Id, string Label);

/// <summary>The date formats date/time macros can produce. Values are always in UTC.</summary>
public static class MacroDateFormats
{
    public const string Iso8601 = "yyyy-MM-ddTHH:mm:ssZ";
    public const string Date = "yyyy-MM-dd";
    public const string CompactDate = "yyyyMMdd";
    public const string UsDate = "MM/dd/yyyy";
    public const string EuropeanDate = "dd-MM-yyyy";
    public const string DateTime = "yyyy-MM-dd HH:mm:ss";
    public const string EpochSeconds = "epochSeconds";
    public const string EpochMillis = "epochMillis";

    /// <summary>The format used when a source names none.</summary>
    public const string Default = Iso8601;

    /// <summary>Every format with its display label, in menu order.</summary>
    public static readonly IReadOnlyList<DateFormatOption> All =
    [
        new(Iso8601, "ISO 8601 (yyyy-MM-ddTHH:mm:ssZ)"),
        new(Date, "Date (yyyy-MM-dd)"),
        new(CompactDate, "Compact date (yyyyMMdd)"),
        new(UsDate, "US date (MM/dd/yyyy)"),
        new(EuropeanDate, "Day first (dd-MM-yyyy)"),
        new(DateTime, "Date and time (yyyy-MM-dd HH:mm:ss)"),
        new(EpochSeconds, "Unix epoch seconds"),
        new(EpochMillis, "Unix epoch milliseconds"),
    ];

    /// <summary>True when <paramref name="format"/> is one of <see cref="All"/> (null or blank means the default).</summary>
    public static bool IsKnown(string? format) => string.IsNullOrWhiteSpace(format) || All.Any(f => f.Id == format.Trim());

    /// <summary><paramref name="value"/> in UTC, written in <paramref name="format"/> (null or blank = <see cref="Default"/>).</summary>
    public static string Format(DateTimeOffset value, string? format)
    {
        var utc = value.ToUniversalTime();
        return (string.IsNullOrWhiteSpace(format) ? Default : format.Trim()) switch
        {
            Iso8601 => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Date => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            CompactDate => utc.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            UsDate => utc.ToString("MM'/'dd'/'yyyy", CultureInfo.InvariantCulture),
            EuropeanDate => utc.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
            DateTime => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            EpochSeconds => utc.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            EpochMillis => utc.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            var other => throw new ArgumentException($"Unknown date format '{other}'.", nameof(format)),
        };
    }
}
