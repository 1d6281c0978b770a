using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>The v2 search envelope: <c>{data, first, last, page, size, totalPages, totalElements}</c>.</summary>
internal static class SearchEnvelope
{
    /// <param name="timeField">The field <c>modifiedAfter</c> compares against (modifiedTime, or createdTimestamp for pulses).</param>
    public static IResult Build(IEnumerable<JsonObject> records, SearchQuery query, string timeField = "modifiedTime")
    {
        if (query.ModifiedAfter is { } after)
        {
            records = records.Where(record => Timestamps.TryParse(Ids.String(record, timeField), out var time) && time > after);
        }

        var sorted = Sort(records, query.SortBy, query.Descending).ToList();
        var totalPages = (sorted.Count + query.Size - 1) / query.Size;
        var data = new JsonArray();
        foreach (var record in sorted.Skip((int)Math.Min((long)query.Page * query.Size, int.MaxValue)).Take(query.Size))
        {
            data.Add(record.DeepClone());
        }

        var envelope = new JsonObject
        {
            ["data"] = data,
            ["first"] = query.Page == 0,
            ["last"] = query.Page >= totalPages - 1,
            ["page"] = query.Page,
            ["size"] = query.Size,
            ["totalPages"] = totalPages,
            ["totalElements"] = sorted.Count,
        };
        return Results.Json(envelope);
    }

    public static IEnumerable<JsonObject> Sort(IEnumerable<JsonObject> records, string sortBy, bool descending)
    {
        var ordered = descending
            ? records.OrderByDescending(record => record[sortBy], JsonValueComparer.Instance)
            : records.OrderBy(record => record[sortBy], JsonValueComparer.Instance);
        return descending ? ordered.ThenByDescending(Ids.Of) : ordered.ThenBy(Ids.Of);
    }
}
