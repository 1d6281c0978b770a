using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlowStudio.Application.Alerts;

/// <summary>
/// What an alert says: the webhook's JSON body as it is sent, and the facts the email puts in words. <see cref="Run"/>
/// and <see cref="Counts"/> are null for a test alert, whose <see cref="Link"/> opens the source.
/// </summary>
internal sealed record AlertMessage(
    AlertEvent Event,
    bool Test,
    string Summary,
    AlertFlow Flow,
    AlertRuleFacts Rule,
    AlertRunFacts? Run,
    AlertCounts? Counts,
    string Link,
    DateTime OccurredAt)
{
    /// <summary>camelCase names and values (<c>"event": "runFailed"</c>), as the REST API writes.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static AlertMessage FromJson(string json) =>
        JsonSerializer.Deserialize<AlertMessage>(json, Json) ?? throw new JsonException("An alert's stored message is empty.");
}

/// <summary>The flow: its source.</summary>
internal sealed record AlertFlow(string SourceId, string Name);

/// <summary>The rule that sent the alert.</summary>
internal sealed record AlertRuleFacts(string Id, string Condition, int? Threshold);

/// <summary>The run the alert is about: of the source or of one of its destinations.</summary>
internal sealed record AlertRunFacts(
    string Id, string Kind, string ResourceId, string ResourceName, string Status, string? Error, DateTime StartedAt, DateTime? FinishedAt);

/// <summary>The run's records: read, sent and failed.</summary>
internal sealed record AlertCounts(long Read, long Sent, long Failed);
