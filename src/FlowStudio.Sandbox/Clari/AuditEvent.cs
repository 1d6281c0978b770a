using System.Text.Json.Serialization;

namespace FlowStudio.Sandbox.Clari;

/// <summary>One audit event as listed by <c>GET /audit/events</c>.</summary>
internal sealed record AuditEvent(
    [property: JsonPropertyName("correlationID")] string CorrelationId,
    string ActorId,
    string? ImpersonatingActorId,
    string ActorType,
    string SessionId,
    string IpAddress,
    string SessionType,
    string Event,
    IReadOnlyDictionary<string, string> EventParameters,
    string EventTimestamp,
    [property: JsonIgnore] DateTimeOffset Timestamp);

/// <summary>An actor of the <c>actors</c> list.</summary>
internal sealed record AuditActor(string ActorType, string ActorId, string Name, string Email);

/// <summary>A page of audit events; <c>nextLink</c> is absent on the last page.</summary>
internal sealed record AuditEventPage(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NextLink,
    IReadOnlyList<AuditEvent> Items,
    IReadOnlyList<AuditActor> Actors);
