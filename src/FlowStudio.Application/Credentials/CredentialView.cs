namespace FlowStudio.Application.Credentials;

/// <summary>A credential as shown anywhere outside the engine: secret fields masked.</summary>
public sealed record CredentialView(
    string Id,
    string Connector,
    string ConnectorName,
    string Name,
    IReadOnlyDictionary<string, string> Fields,
    DateTime CreatedAt);

internal sealed record CreateCredentialRequest(string? Connector, string? Name, Dictionary<string, string?>? Fields);

/// <summary>A credential with its secrets in clear, for the engine only. Never serialised.</summary>
internal sealed record CredentialSecrets(string Id, string Connector, string? BaseUrl, IReadOnlyDictionary<string, string> Fields);

/// <summary>An edit: name and fields as in Create; secret fields left empty keep their saved values. The connector cannot change.</summary>
internal sealed record UpdateCredentialRequest(string? Name, Dictionary<string, string?>? Fields, string? Connector = null);
