using System.Globalization;
using System.Text.Json.Nodes;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;

namespace FlowStudio.Application.Syncs;

/// <summary>ClientSuccess's v2 clients and contacts for a sync: search (200 a page, <c>modifiedAfter</c>), create and update.</summary>
internal sealed class ClientSuccessRecords(ApiClient api, Connection connection, RetryOptions retry, SyncCallCounter calls)
{
    private const int PageSize = 200;

    /// <summary>Every record, or those modified after <paramref name="modifiedAfter"/>, oldest change first.</summary>
    public async Task<List<JsonObject>> SearchAsync(SyncObject obj, DateTime? modifiedAfter, CancellationToken cancellationToken)
    {
        var records = new List<JsonObject>();
        var after = modifiedAfter is { } time ? "&modifiedAfter=" + Uri.EscapeDataString(Format(time)) : "";
        for (var page = 0; ; page++)
        {
            var response = await SendAsync(new ApiRequest(HttpMethod.Get, $"/v2/{Path(obj)}/search?page={page}&size={PageSize}&sortBy=modifiedTime&sortDirection=asc{after}"), cancellationToken);
            var answer = JsonNode.Parse(response.Body)!.AsObject();
            records.AddRange((answer["data"] as JsonArray ?? []).OfType<JsonObject>());
            if (answer["last"]?.GetValue<bool>() != false)
            {
                return records;
            }
        }
    }

    /// <summary>Whether any record changed after <paramref name="modifiedAfter"/> (one small call).</summary>
    public async Task<bool> ChangedAfterAsync(SyncObject obj, DateTime? modifiedAfter, CancellationToken cancellationToken)
    {
        var after = modifiedAfter is { } time ? "&modifiedAfter=" + Uri.EscapeDataString(Format(time)) : "";
        var response = await SendAsync(new ApiRequest(HttpMethod.Get, $"/v2/{Path(obj)}/search?page=0&size=1{after}"), cancellationToken);
        return JsonNode.Parse(response.Body)?["totalElements"]?.GetValue<long>() > 0;
    }

    /// <summary>Creates (null id) or updates (PATCH) a record; the record as saved, or why it was refused.</summary>
    public async Task<(JsonObject? Record, string? Error)> WriteAsync(SyncObject obj, string? id, JsonObject body, CancellationToken cancellationToken)
    {
        var request = id is null
            ? new ApiRequest(HttpMethod.Post, $"/v2/{Path(obj)}", Body: body.ToJsonString())
            : new ApiRequest(HttpMethod.Patch, $"/v2/{Path(obj)}/{Uri.EscapeDataString(id)}", Body: body.ToJsonString());
        var response = await api.SendAsync(connection, request, retry, cancellationToken);
        calls.Add(response);
        return response.IsSuccess && JsonNode.Parse(response.Body) is JsonObject saved
            ? (saved, null)
            : (null, $"ClientSuccess answered {(response.StatusCode == 0 ? response.TransportError : response.StatusCode.ToString(CultureInfo.InvariantCulture))}: {Excerpt.Of(response.Body, 300)}");
    }

    /// <summary>
    /// Deletes a contact; a client, which ClientSuccess's API does not delete, is set to TERMINATED. Null when done, else why not.
    /// </summary>
    public async Task<string?> RemoveAsync(SyncObject obj, string id, CancellationToken cancellationToken)
    {
        if (obj == SyncObject.Client)
        {
            return (await WriteAsync(obj, id, new JsonObject { ["status"] = "TERMINATED" }, cancellationToken)).Error;
        }

        var response = await api.SendAsync(connection, new ApiRequest(HttpMethod.Delete, $"/v2/contact/{Uri.EscapeDataString(id)}"), retry, cancellationToken);
        calls.Add(response);
        return response.IsSuccess || response.StatusCode == 404 ? null : $"ClientSuccess answered {response.StatusCode}: {Excerpt.Of(response.Body, 300)}";
    }

    public static string Id(JsonObject record) => record["id"]!.ToString();

    public static DateTime? ModifiedAt(JsonObject record) =>
        record["modifiedTime"]?.GetValue<string>() is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.UtcDateTime : null;

    private static string Format(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Path(SyncObject obj) => obj == SyncObject.Client ? "client" : "contact";

    private async Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var response = await api.SendAsync(connection, request, retry, cancellationToken);
        calls.Add(response);
        return response.IsSuccess
            ? response
            : throw new SyncCallException($"ClientSuccess answered {request.Method} {request.Url.Split('?')[0]} with {(response.StatusCode == 0 ? response.TransportError : response.StatusCode.ToString(CultureInfo.InvariantCulture))}: {Excerpt.Of(response.Body, 300)}");
    }
}
