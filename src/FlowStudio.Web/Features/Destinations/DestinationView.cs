namespace FlowStudio.Web.Features.Destinations;

internal sealed record DestinationView(
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
    string Status,
    string? ResponseSourceId,
    DateTime CreatedAt);

/// <summary>A request exactly as it would be sent (secret headers masked).</summary>
internal sealed record SamplePayload(string Method, string Url, IReadOnlyDictionary<string, string> Headers, string Body, int RecordCount, string? Error);
