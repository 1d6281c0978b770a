namespace FlowStudio.Application.Destinations;

/// <summary>A saved destination as the API and the screens show it; its settings read back as the request that set them.</summary>
public sealed record DestinationView(
    string Id,
    string Name,
    string DatasetId,
    string CredentialId,
    string? Connector,
    string? TemplateId,
    string? TemplateName,
    IReadOnlyDictionary<string, string?> Parameters,
    ManualDestinationRequest? Manual,
    SyncRequest? Sync,
    IReadOnlyList<string> ExcludeAttributes,
    bool ResponseWebhook,
    ResourceStatus Status,
    string? ResponseSourceId,
    DateTime CreatedAt,
    IReadOnlyList<MappingRequest> Mapping);

/// <summary>
/// A request exactly as it would be sent (secret headers masked). <paramref name="Warnings"/> name each endpoint field
/// that is required but empty, or of another type, in some of its records, and those records (counted from 1 within
/// the payload).
/// </summary>
public sealed record SamplePayload(string Method, string Url, IReadOnlyDictionary<string, string> Headers, string Body, int RecordCount, string? Error,
    IReadOnlyList<string> Warnings);
