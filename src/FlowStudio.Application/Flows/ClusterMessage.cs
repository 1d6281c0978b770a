using System.Text;
using System.Text.Json;

namespace FlowStudio.Application.Flows;

/// <summary>
/// One change as it travels between instances, the payload of a notification on <see cref="Channel"/>: what changed
/// (kind as its lower-case word, resource, run) and which instance made it, as JSON of a hundred bytes or so.
/// </summary>
internal sealed record ClusterMessage(string Instance, string Kind, string ResourceId, string? RunId)
{
    public const string Channel = "flowstudio_changes";

    // PostgreSQL refuses a payload of 8000 bytes or more; the ids the app makes are far shorter.
    private const int MaxPayloadBytes = 7999;

    /// <summary>The payload that tells the other instances about <paramref name="change"/>; null when it would be too long to send.</summary>
    public static string? Write(string instance, FlowChange change)
    {
        var payload = JsonSerializer.Serialize(new ClusterMessage(instance, change.Kind.ToWord(), change.ResourceId, change.RunId), JsonSerializerOptions.Web);
        return Encoding.UTF8.GetByteCount(payload) <= MaxPayloadBytes ? payload : null;
    }

    /// <summary>The message in <paramref name="payload"/>; null for anything else on the channel.</summary>
    public static ClusterMessage? Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<ClusterMessage>(payload, JsonSerializerOptions.Web) is { Instance: not null, Kind: not null, ResourceId: not null } message
                ? message
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The change, or null when its kind is one this version does not know.</summary>
    public FlowChange? ToChange() =>
        StoredWords.TryParse<FlowChangeKind>(Kind, out var kind) ? new FlowChange(kind, ResourceId, RunId) : null;
}
