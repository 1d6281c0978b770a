using System.Text.Json;

namespace FlowStudio.Application.Destinations;

/// <summary>
/// POST /api/destinations: a template destination, a manual one (Advanced), or a ClientSuccess sync. A template
/// destination may carry a Mapping: how each field of the endpoint is filled from the dataset's records.
/// </summary>
public sealed record CreateDestinationRequest(
    string? Name,
    string? DatasetId,
    string? CredentialId,
    string? TemplateId,
    Dictionary<string, string?>? Parameters,
    ManualDestinationRequest? Manual,
    SyncRequest? Sync = null,
    List<string>? ExcludeAttributes = null,
    bool? ResponseWebhook = null,
    List<MappingRequest>? Mapping = null);

/// <summary>
/// One row of a template destination's Mapping: the endpoint field, where its value comes from (<c>attribute</c>,
/// <c>constant</c> or <c>expression</c>), that attribute name, text or JavaScript expression over <c>record</c>, an
/// optional conversion (<c>epochMillis</c>, <c>isoDateTime</c>, <c>date</c>, <c>toString</c>, <c>toNumber</c>,
/// <c>trim</c>, <c>lowercase</c>, <c>uppercase</c>) and the text used when the value is empty.
/// </summary>
public sealed record MappingRequest(string? Field, string? From, string? Value, string? Convert = null, string? Default = null);

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
