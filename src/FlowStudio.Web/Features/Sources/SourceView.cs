namespace FlowStudio.Web.Features.Sources;

internal sealed record SourceView(
    string Id,
    string Name,
    string Kind,
    string? CredentialId,
    string? Connector,
    string? TemplateId,
    string? TemplateName,
    IReadOnlyDictionary<string, string?> Parameters,
    ManualSourceRequest? Manual,
    string DatasetId,
    string Status,
    DateTime CreatedAt);
