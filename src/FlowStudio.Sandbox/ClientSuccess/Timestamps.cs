using System.Globalization;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>The API's timestamp and date formats.</summary>
internal static class Timestamps
{
    /// <summary>Seed data is spread backwards from this instant so it never depends on the clock.</summary>
    public static readonly DateTimeOffset SeedBase = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string FormatDate(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    /// <summary>Rewrites a sent date-time field in the API's own format, so sorting by it stays chronological.</summary>
    public static void Normalize(System.Text.Json.Nodes.JsonObject record, string field)
    {
        if (TryParse(Ids.String(record, field), out var value))
        {
            record[field] = Format(value);
        }
    }

    public static bool IsDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
