using FlowStudio.Engine.Connectors;

namespace FlowStudio.Application.Credentials;

/// <summary>Builds the engine's connection for a credential: decrypted fields and an absolute base URL.</summary>
internal sealed class ConnectionFactory(CredentialService credentials, HostAddress host)
{
    public async Task<Connection?> CreateAsync(string credentialId, CancellationToken cancellationToken)
    {
        var secrets = await credentials.GetSecretsAsync(credentialId, cancellationToken);
        return secrets is null ? null : Create(secrets);
    }

    /// <summary>The connection for <paramref name="secrets"/>, saved or not.</summary>
    public Connection Create(CredentialSecrets secrets)
    {
        var fallback = ConnectorCatalog.Find(secrets.Connector)?.DefaultBaseUrl ?? "http://localhost/";
        return new Connection(secrets.Connector, host.Resolve(secrets.BaseUrl, fallback), secrets.Fields);
    }
}
