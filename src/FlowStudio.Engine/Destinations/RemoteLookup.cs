using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Scripting;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Destinations;

/// <summary>
/// For a dry run: finds, with GETs only, the remote record each record would write, and says whether sending it would
/// create, update (with the changed fields) or leave it unchanged. How a destination's records are found is decided by
/// <see cref="For"/>: a PUT or PATCH to a per-record URL reads that URL; a ClientSuccess upsert searches its natural key
/// (contacts by email, clients by externalId, else name); other writes to ClientSuccess and template endpoints only
/// create; anything else cannot be looked up.
/// </summary>
public sealed class RemoteLookup(ApiClient api, IScriptEvaluator scripts)
{
    /// <summary>How the records of <paramref name="config"/>, sent with a <paramref name="connector"/> credential, are found remotely.</summary>
    public static LookupPlan For(DestinationConfig config, string connector)
    {
        ArgumentNullException.ThrowIfNull(config);
        var method = config.Method.ToUpperInvariant();
        var path = PathOf(config.Url);
        if (method == "DELETE")
        {
            return LookupPlan.Unknown("DELETE removes remote records; what they hold now is not compared.");
        }

        if (method is "PUT" or "PATCH" && DestinationUrl.Parse(config.Url).IsPerRecord)
        {
            return new LookupPlan(LookupKind.SameUrl, null, [], null);
        }

        if (connector == ConnectorIds.ClientSuccess && method == "POST")
        {
            return path switch
            {
                "/v2/contact/upsert" or "/v2/workato/contact/batchUpsert" => new LookupPlan(LookupKind.NaturalKey, "/v2/contact/search", ["email"], null),
                "/v2/client/upsert" => new LookupPlan(LookupKind.NaturalKey, "/v2/client/search", ["externalId", "name"], null),
                _ when path.Contains("upsert", StringComparison.OrdinalIgnoreCase) =>
                    LookupPlan.Unknown($"{path} matches records by a key ClientSuccess offers no search for: the remote state cannot be looked up."),
                _ => LookupPlan.Creates,
            };
        }

        if (connector == ConnectorIds.Clari)
        {
            return LookupPlan.Unknown("Clari ingest replaces entities by id and has no API to read them back: the remote state cannot be looked up.");
        }

        return method == "POST" && config.Template is not null
            ? LookupPlan.Creates
            : LookupPlan.Unknown("This is a manually configured endpoint: the remote state of its records cannot be looked up.");
    }

    /// <summary>
    /// What sending <paramref name="record"/> in <paramref name="payload"/> would do; <paramref name="plan"/> must need a
    /// lookup (<see cref="LookupPlan.NeedsLookup"/>). Sends one GET.
    /// </summary>
    public async Task<RecordVerdict> CheckAsync(Connection connection, DestinationConfig config, LookupPlan plan, OutboundPayload payload,
        DeliveryRecord record, RetryOptions? retry = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(record);
        var sent = RecordShaper.Exclude(RecordShaper.Shape(config.Shape, record.Data, scripts, cancellationToken), config.ExcludeAttributes);
        if (plan.Kind == LookupKind.SameUrl)
        {
            var answer = await GetAsync(connection, payload.Url, retry, cancellationToken);
            return answer switch
            {
                { StatusCode: 404 } => new RecordVerdict(record.Id, DryRunOutcome.Rejected, [], $"There is no remote record at {payload.Url} to update (404)."),
                { IsSuccess: true } when Parse(answer.Body) is JObject remote => Compare(record.Id, sent, Unwrap(remote)),
                _ => Unreadable(record.Id, answer),
            };
        }

        var key = plan.Keys.FirstOrDefault(k => !RecordFields.IsBlank(sent[k]));
        if (key is null)
        {
            return new RecordVerdict(record.Id, DryRunOutcome.Rejected, [], $"{string.Join(" or ", plan.Keys)} is required to match a remote record.");
        }

        var value = RecordFields.AsText(sent[key]!) ?? "";
        var search = await GetAsync(connection, $"{plan.SearchPath}?{Uri.EscapeDataString(key)}={Uri.EscapeDataString(value)}&page=0&size=100", retry, cancellationToken);
        if (!search.IsSuccess || Parse(search.Body)?["data"] is not JArray found)
        {
            return Unreadable(record.Id, search);
        }

        var match = found.OfType<JObject>().FirstOrDefault(r => string.Equals(RecordFields.AsText(r[key] ?? ""), value, StringComparison.OrdinalIgnoreCase));
        return match is null ? new RecordVerdict(record.Id, DryRunOutcome.Created, []) : Compare(record.Id, sent, match);
    }

    private static RecordVerdict Compare(long id, JObject sent, JObject remote)
    {
        var changes = Differences(sent, remote);
        return new RecordVerdict(id, changes.Count == 0 ? DryRunOutcome.Unchanged : DryRunOutcome.Updated, changes);
    }

    private static List<FieldChange> Differences(JObject sent, JObject remote) =>
        [.. sent.Properties()
            .Where(p => !Same(p.Value, remote[p.Name]))
            .Select(p => new FieldChange(p.Name, remote[p.Name] is { } old ? RecordFields.Compact(old) : null, RecordFields.Compact(p.Value)))];

    // Blank is blank (absent, null, ""); scalars compare by their text, so 5 and "5" or a date and its ISO text agree.
    private static bool Same(JToken sent, JToken? remote) =>
        (RecordFields.IsBlank(sent) && RecordFields.IsBlank(remote))
        || (remote is not null && (JToken.DeepEquals(sent, remote)
            || (sent is JValue && remote is JValue && RecordFields.AsText(sent) == RecordFields.AsText(remote))));

    // Some APIs wrap the record ({"data": {...}}).
    private static JObject Unwrap(JObject remote) => remote.Count == 1 && remote["data"] is JObject inner ? inner : remote;

    private static RecordVerdict Unreadable(long id, ApiResponse answer) =>
        new(id, DryRunOutcome.Unknown, [], answer.TransportError is { } error
            ? $"Looking up the remote record failed: {error}"
            : $"Looking up the remote record answered {answer.StatusCode}: {ResponseErrors.Describe(answer)}");

    private Task<ApiResponse> GetAsync(Connection connection, string url, RetryOptions? retry, CancellationToken cancellationToken) =>
        api.SendAsync(connection, new ApiRequest(HttpMethod.Get, url, null, null, RequestBodyKind.None), retry, cancellationToken);

    private static JToken? Parse(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonText.Parse(body);
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }

    private static string PathOf(string url)
    {
        var path = ApiUrls.IsAbsoluteHttp(url) ? new Uri(url).AbsolutePath : url;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return (query < 0 ? path : path[..query]).TrimEnd('/');
    }
}

/// <summary>How a dry run finds the remote records (<see cref="RemoteLookup.For"/>).</summary>
public enum LookupKind
{
    /// <summary>The endpoint only creates: every record would be created.</summary>
    None,

    /// <summary>GET the record's own URL (a PUT or PATCH per record).</summary>
    SameUrl,

    /// <summary>Search by a natural key (an upsert).</summary>
    NaturalKey,

    /// <summary>The remote state cannot be looked up.</summary>
    Unknown,
}

/// <summary>How a dry run finds a destination's remote records.</summary>
/// <param name="Kind">How.</param>
/// <param name="SearchPath">For a natural key: the search path (the key goes in its query).</param>
/// <param name="Keys">For a natural key: the fields that match, the first one the record has is used.</param>
/// <param name="Note">For <see cref="LookupKind.Unknown"/>: why.</param>
public sealed record LookupPlan(LookupKind Kind, string? SearchPath, IReadOnlyList<string> Keys, string? Note)
{
    /// <summary>Every record would be created.</summary>
    public static readonly LookupPlan Creates = new(LookupKind.None, null, [], null);

    /// <summary>Whether each record needs a GET.</summary>
    public bool NeedsLookup => Kind is LookupKind.SameUrl or LookupKind.NaturalKey;

    /// <summary>The remote state cannot be looked up, because <paramref name="note"/>.</summary>
    public static LookupPlan Unknown(string note) => new(LookupKind.Unknown, null, [], note);
}
