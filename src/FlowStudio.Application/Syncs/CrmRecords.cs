using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;

namespace FlowStudio.Application.Syncs;

/// <summary>
/// Zoho CRM's v7 record APIs for a sync: all records of a module (200 a page), the records an import filter matches
/// (search <c>criteria</c>, so they are counted exactly as the CRM counts them), one record, and inserts and updates of
/// up to 100 records a call with per-record results.
/// </summary>
internal sealed class CrmRecords(ApiClient api, Connection connection, RetryOptions retry, SyncCallCounter calls)
{
    private const int PageSize = 200;
    private const int WriteBatch = 100;

    public async Task<List<JsonObject>> AllAsync(SyncObject obj, IEnumerable<string> fields, CancellationToken cancellationToken)
    {
        var names = string.Join(',', fields.Append("Modified_Time").Distinct());
        return await PagesAsync($"/crm/v7/{SyncFieldCatalog.CrmModule(obj)}?fields={Uri.EscapeDataString(names)}&sort_by=id&sort_order=asc", cancellationToken);
    }

    /// <summary>The records the filter matches; every record when it has no condition.</summary>
    public async Task<List<JsonObject>> MatchingAsync(SyncObject obj, SyncObjectConfig config, IEnumerable<string> fields, CancellationToken cancellationToken) =>
        config.ImportFilter.Count == 0
            ? await AllAsync(obj, fields, cancellationToken)
            : await PagesAsync($"/crm/v7/{SyncFieldCatalog.CrmModule(obj)}/search?criteria={Uri.EscapeDataString(Criteria(config))}", cancellationToken);

    public async Task<JsonObject?> GetAsync(SyncObject obj, string id, CancellationToken cancellationToken)
    {
        var response = await SendAsync(new ApiRequest(HttpMethod.Get, $"/crm/v7/{SyncFieldCatalog.CrmModule(obj)}/{Uri.EscapeDataString(id)}"), cancellationToken);
        return response.StatusCode == 204 ? null : (Data(response).FirstOrDefault() as JsonObject);
    }

    /// <summary>Inserts (no id) or updates (with id) the records; per record, the CRM's id and modified time or the error.</summary>
    public async Task<List<CrmWriteResult>> WriteAsync(SyncObject obj, bool insert, IReadOnlyList<JsonObject> records, CancellationToken cancellationToken)
    {
        var results = new List<CrmWriteResult>(records.Count);
        foreach (var batch in records.Chunk(WriteBatch))
        {
            var body = new JsonObject { ["data"] = new JsonArray([.. batch.Select(r => (JsonNode)r.DeepClone())]) };
            var response = await SendAsync(new ApiRequest(insert ? HttpMethod.Post : HttpMethod.Put, $"/crm/v7/{SyncFieldCatalog.CrmModule(obj)}", Body: body.ToJsonString()), cancellationToken);
            var data = response.Body.Length > 0 && JsonNode.Parse(response.Body) is JsonObject answer ? answer["data"] as JsonArray : null;
            for (var i = 0; i < batch.Length; i++)
            {
                results.Add(data?.ElementAtOrDefault(i) is JsonObject item
                    ? Result(item)
                    : new CrmWriteResult(null, null, $"The CRM answered {response.StatusCode}: {Excerpt.Of(response.Body, 200)}"));
            }
        }

        return results;
    }

    /// <summary>Deletes one record; null when it is gone, else why not.</summary>
    public async Task<string?> DeleteAsync(SyncObject obj, string id, CancellationToken cancellationToken)
    {
        var response = await SendAsync(new ApiRequest(HttpMethod.Delete, $"/crm/v7/{SyncFieldCatalog.CrmModule(obj)}?ids={Uri.EscapeDataString(id)}"), cancellationToken);
        return Data(response).FirstOrDefault() is JsonObject item && item["code"]?.GetValue<string>() != "SUCCESS" ? $"{item["code"]}: {item["message"]}" : null;
    }

    /// <summary>Zoho's criteria for the filter: <c>((A:equals:x)or(B:equals:y))</c>, with <c>(</c>, <c>)</c> and <c>,</c> escaped in values.</summary>
    public static string Criteria(SyncObjectConfig config)
    {
        var joiner = config.FilterMatch == SyncFilterMatch.All ? "and" : "or";
        var conditions = config.ImportFilter.Select(c => $"({c.Field}:{c.Operator}:{Escape(c.Value, c.Operator == "in")})");
        return "(" + string.Join(joiner, conditions) + ")";
    }

    public static DateTime? ModifiedAt(JsonObject record) =>
        record["Modified_Time"]?.GetValue<string>() is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.UtcDateTime : null;

    private static string Escape(string value, bool list)
    {
        var escaped = new StringBuilder();
        foreach (var c in value)
        {
            if (c is '(' or ')' || (c == ',' && !list))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static CrmWriteResult Result(JsonObject item)
    {
        if (item["code"]?.GetValue<string>() == "SUCCESS" && item["details"] is JsonObject details)
        {
            return new CrmWriteResult(details["id"]?.GetValue<string>(), ModifiedAt(details), null);
        }

        var field = item["details"]?["api_name"]?.GetValue<string>();
        return new CrmWriteResult(null, null, $"{item["code"]}: {item["message"]}{(field is null ? "" : $" ({field})")}");
    }

    private async Task<List<JsonObject>> PagesAsync(string url, CancellationToken cancellationToken)
    {
        var records = new List<JsonObject>();
        for (var page = 1; ; page++)
        {
            var response = await SendAsync(new ApiRequest(HttpMethod.Get, $"{url}&page={page}&per_page={PageSize}"), cancellationToken);
            if (response.StatusCode is 204 or 304)
            {
                return records;
            }

            var answer = JsonNode.Parse(response.Body)!.AsObject();
            records.AddRange(Data(response).OfType<JsonObject>());
            if (answer["info"]?["more_records"]?.GetValue<bool>() != true)
            {
                return records;
            }
        }
    }

    private static JsonArray Data(ApiResponse response) => JsonNode.Parse(response.Body)?["data"] as JsonArray ?? [];

    private async Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var response = await api.SendAsync(connection, request, retry, cancellationToken);
        calls.Add(response);
        if (!response.IsSuccess && !(response.StatusCode is 204 or 304) && !(request.Method != HttpMethod.Get && response.StatusCode == 400))
        {
            throw new SyncCallException($"Zoho CRM answered {request.Method} {request.Url.Split('?')[0]} with {(response.StatusCode == 0 ? response.TransportError : response.StatusCode.ToString(CultureInfo.InvariantCulture))}: {Excerpt.Of(response.Body, 300)}");
        }

        return response;
    }
}

/// <summary>One record's outcome of a CRM write: its id and modified time, or why it failed.</summary>
internal sealed record CrmWriteResult(string? Id, DateTime? ModifiedAt, string? Error);
