using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>The query-string filters the search routes accept; an absent or empty filter leaves the records as they are.</summary>
internal static class SearchFilters
{
    /// <summary>Records of one client, named by id or uuid; an unknown client matches nothing.</summary>
    public static IEnumerable<JsonObject> ByClient(this IEnumerable<JsonObject> records, ClientSuccessData data, string? client, string field = "clientId")
    {
        if (string.IsNullOrWhiteSpace(client))
        {
            return records;
        }

        var id = data.Clients.Find(client.Trim()) is { } found ? Ids.Of(found) : (long?)null;
        return records.Where(record => id is not null && Ids.Long(record, field) == id);
    }

    public static IEnumerable<JsonObject> Containing(this IEnumerable<JsonObject> records, string field, string? text) =>
        string.IsNullOrEmpty(text)
            ? records
            : records.Where(record => Ids.String(record, field)?.Contains(text, StringComparison.OrdinalIgnoreCase) == true);

    public static IEnumerable<JsonObject> Matching(this IEnumerable<JsonObject> records, string field, string? text) =>
        string.IsNullOrEmpty(text)
            ? records
            : records.Where(record => string.Equals(Ids.Text(record[field]), text.Trim(), StringComparison.OrdinalIgnoreCase));
}
