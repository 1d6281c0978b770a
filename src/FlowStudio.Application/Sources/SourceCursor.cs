using System.Globalization;
using System.Text.RegularExpressions;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Macros;
using FlowStudio.Engine.Sources;

namespace FlowStudio.Application.Sources;

/// <summary>
/// An incremental source's cursor: the largest value of its cursor field read so far. A run asks the API only for
/// newer records where the API can filter (a URL's <c>{cursor}</c> macro, or <c>modifiedAfter</c> added to ClientSuccess v2
/// searches), skips records at or before the cursor it started from, and leaves the largest value it saw for the next run.
/// Values compare as instants when both are date-times, as numbers when both are numbers, else as text.
/// </summary>
internal sealed partial class SourceCursor(string field, string? start)
{
    /// <summary>The largest value seen so far (the starting cursor until a larger one is read).</summary>
    public string? Latest { get; private set; }

    /// <summary>
    /// The URL the run reads: a ClientSuccess v2 search gets <c>modifiedAfter</c> set to the cursor, unless the URL places
    /// the cursor itself with <c>{cursor}</c>.
    /// </summary>
    public string Apply(string url, Connection connection)
    {
        if (start is null || MacroExpander.UsesCursor(url) || !string.Equals(connection.Connector, ConnectorIds.ClientSuccess, StringComparison.OrdinalIgnoreCase)
            || !ClientSuccessSearch().IsMatch(url.Split('?')[0]) || !TryInstant(start, out var after))
        {
            return url;
        }

        // The API documents whole seconds (YYYY-MM-DDTHH:MM:SSZ); rounding down re-reads at most that second, which
        // the run then skips.
        var value = new DateTimeOffset(after.UtcTicks - (after.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero)
            .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var parts = url.Split('?', 2);
        var query = parts.Length == 2
            ? parts[1].Split('&').Where(p => p.Length > 0 && !p.StartsWith("modifiedAfter=", StringComparison.OrdinalIgnoreCase))
            : [];
        return parts[0] + "?" + string.Join("&", query.Append("modifiedAfter=" + Uri.EscapeDataString(value)));
    }

    /// <summary>The records of a page past the cursor the run started from; remembers the largest value seen.</summary>
    public IReadOnlyList<SourceRecord> Filter(IReadOnlyList<SourceRecord> page)
    {
        var kept = new List<SourceRecord>(page.Count);
        foreach (var record in page)
        {
            var value = record.FieldText(field);
            if (value is null)
            {
                kept.Add(record);
                continue;
            }

            Latest ??= start;
            if (Latest is null || Compare(value, Latest) > 0)
            {
                Latest = value;
            }

            if (start is null || Compare(value, start) > 0)
            {
                kept.Add(record);
            }
        }

        return kept;
    }

    internal static int Compare(string left, string right)
    {
        if (TryInstant(left, out var a) && TryInstant(right, out var b))
        {
            return a.CompareTo(b);
        }

        if (decimal.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && decimal.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
        {
            return x.CompareTo(y);
        }

        return string.CompareOrdinal(left, right);
    }

    private static bool TryInstant(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value)
            && !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    [GeneratedRegex(@"(^|/)v2/.+/search$", RegexOptions.IgnoreCase)]
    private static partial Regex ClientSuccessSearch();
}
