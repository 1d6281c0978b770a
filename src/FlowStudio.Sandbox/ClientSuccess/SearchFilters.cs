namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>The query-string filters the search routes accept; an absent or empty filter leaves the records as they are.</summary>
internal static class SearchFilters
{
    public static RecordSelection Select(this RecordCollection collection) => new(collection);

    /// <summary>Records of one client, named by id or uuid; an unknown client matches nothing.</summary>
    public static RecordSelection ByClient(this RecordSelection records, ClientSuccessData data, string? client, string field = "clientId")
    {
        if (string.IsNullOrWhiteSpace(client))
        {
            return records;
        }

        return data.Clients.FindStored(client.Trim()) is { } found ? records.WithReference(field, found.Id) : records.None();
    }

    /// <summary>Records whose <paramref name="field"/> holds the id <paramref name="id"/> (as a number or digits).</summary>
    public static RecordSelection WithReference(this RecordSelection records, string field, long id) =>
        records.WhereKey(new RecordKey(field, Numeric: true), RecordKey.Number(id), record => Ids.Long(record, field) == id);

    public static RecordSelection Containing(this RecordSelection records, string field, string? text) =>
        string.IsNullOrEmpty(text)
            ? records
            : records.Where(record => Ids.String(record, field)?.Contains(text, StringComparison.OrdinalIgnoreCase) == true);

    public static RecordSelection Matching(this RecordSelection records, string field, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return records;
        }

        var value = text.Trim();
        return records.WhereKey(new RecordKey(field), value, record => string.Equals(Ids.Text(record[field]), value, StringComparison.OrdinalIgnoreCase));
    }
}
