using System.Globalization;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>The v2 search parameters: 0-based page, size (default 100, capped at 200), sort and modifiedAfter.</summary>
internal sealed record SearchQuery(int Page, int Size, string SortBy, bool Descending, DateTimeOffset? ModifiedAfter)
{
    public const int DefaultSize = 100;
    public const int MaxSize = 200;

    public static (SearchQuery? Query, IResult? Error) Parse(IQueryCollection query, ResourceShape shape, string defaultSortBy, bool defaultDescending = false)
    {
        if (!TryInt(query["page"], 0, out var page) || page < 0)
        {
            return (null, ApiResults.BadRequest("page must be a whole number from 0"));
        }

        if (!TryInt(query["size"], DefaultSize, out var size) || size < 1)
        {
            return (null, ApiResults.BadRequest("size must be a whole number from 1"));
        }

        var sortBy = string.IsNullOrEmpty(query["sortBy"]) ? defaultSortBy : query["sortBy"].ToString();
        if (!shape.HasField(sortBy))
        {
            return (null, ApiResults.BadRequest($"sortBy '{sortBy}' is not a field of {shape.Name}"));
        }

        var direction = query["sortDirection"].ToString();
        bool descending;
        if (string.IsNullOrEmpty(direction))
        {
            descending = string.IsNullOrEmpty(query["sortBy"]) && defaultDescending;
        }
        else if (direction.Equals("asc", StringComparison.OrdinalIgnoreCase) || direction.Equals("desc", StringComparison.OrdinalIgnoreCase))
        {
            descending = direction.Equals("desc", StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            return (null, ApiResults.BadRequest("sortDirection must be asc or desc"));
        }

        DateTimeOffset? modifiedAfter = null;
        var after = query["modifiedAfter"].ToString();
        if (!string.IsNullOrEmpty(after))
        {
            if (!Timestamps.TryParse(after, out var parsed))
            {
                return (null, ApiResults.BadRequest("modifiedAfter must be a date-time like 2024-01-01T00:00:00Z"));
            }

            modifiedAfter = parsed;
        }

        return (new SearchQuery(page, Math.Min(size, MaxSize), sortBy, descending, modifiedAfter), null);
    }

    private static bool TryInt(string? text, int fallback, out int value)
    {
        value = fallback;
        return string.IsNullOrEmpty(text) || int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
