namespace FlowStudio.Application.Connectors;

internal sealed record ConnectorDefinition(
    string Id,
    string Name,
    IReadOnlyList<string> Directions,
    string? DefaultBaseUrl,
    string Description,
    IReadOnlyList<CredentialField> CredentialFields);

/// <summary>One field of a connector's credential form. Secret fields are encrypted at rest and masked when shown.</summary>
internal sealed record CredentialField(
    string Name,
    string Label,
    bool Secret,
    bool Required = false,
    IReadOnlyList<string>? Options = null,
    string? Help = null);
