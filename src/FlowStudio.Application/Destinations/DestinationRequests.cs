using System.Text.Json;

namespace FlowStudio.Application.Destinations;

/// <summary>POST /api/destinations: a template destination, a manual one (Advanced), or a ClientSuccess sync.</summary>
public sealed record CreateDestinationRequest(
    string? Name,
    string? DatasetId,
    string? CredentialId,
    string? TemplateId,
    Dictionary<string, string?>? Parameters,
    ManualDestinationRequest? Manual,
    SyncRequest? Sync = null,
    List<string>? ExcludeAttributes = null,
    bool? ResponseWebhook = null);

public sealed record ManualDestinationRequest(
    string? Method,
    string? ContentFormat,
    string? Url,
    Dictionary<string, string>? Headers,
    List<string>? ExcludeAttributes,
    BatchingRequest? Batching,
    bool? ResponseWebhook);

/// <summary>"Would you like to batch your records together?" and its settings. OtherProps is a JSON object (or a string holding one).</summary>
public sealed record BatchingRequest(
    bool Enabled,
    int? BatchSize,
    string? Algorithm,
    string? PropertyName,
    JsonElement? OtherProps,
    string? Code);

/// <summary>ClientSuccess sync (object type Client/Contact/Contract, sync mode Insert/Update/Upsert, field mapping dataset field → destination field).</summary>
public sealed record SyncRequest(string? ObjectType, string? Mode, Dictionary<string, string>? FieldMapping);

/// <summary>POST /api/destinations/{id}/test: the payload body to send (edited in the Sample Payload panel), or the first sample.</summary>
public sealed record SendTestDataRequest(string? Payload, int? Index);
