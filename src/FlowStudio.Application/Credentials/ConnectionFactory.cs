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

    /// <summary>The connection for <paramref name="secrets"/>, saved or not. A Zoho accounts URL that is a path is made absolute too.</summary>
    public Connection Create(CredentialSecrets secrets)
    {
        var fallback = ConnectorCatalog.Find(secrets.Connector)?.DefaultBaseUrl ?? "http://localhost/";
        var fields = secrets.Fields;
        if (fields.TryGetValue("accountsUrl", out var accounts) && accounts.StartsWith('/'))
        {
            fields = new Dictionary<string, string>(fields) { ["accountsUrl"] = host.Resolve(accounts, accounts).AbsoluteUri };
        }

        return new Connection(secrets.Connector, host.Resolve(secrets.BaseUrl, fallback), fields);
    }
}
