using Microsoft.Extensions.Options;

namespace FlowStudio.Application.Sandbox;

/// <summary>Creates the sandbox credentials on first start. Their base URLs are paths on this host, so they keep working whatever port it runs on.</summary>
internal sealed class SandboxCredentialSeeder(CredentialService credentials, IOptions<SandboxOptions> options, ILogger<SandboxCredentialSeeder> logger)
{
    public const string ClientSuccessName = "ClientSuccess Sandbox";
    public const string ClariName = "Clari Sandbox";
    public const string ZohoName = "Zoho CRM Sandbox";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || !options.Value.Seed)
        {
            return;
        }

        var existing = (await credentials.ListAsync(cancellationToken)).Select(c => c.Name).ToHashSet();
        if (!existing.Contains(ClientSuccessName))
        {
            await credentials.CreateAsync(new CreateCredentialRequest("clientsuccess", ClientSuccessName, new()
            {
                ["baseUrl"] = "/sandbox/clientsuccess",
                ["apiKey"] = "cs-sandbox-key",
            }), cancellationToken);
            logger.LogInformation("Created the {Credential} credential", ClientSuccessName);
        }

        if (!existing.Contains(ClariName))
        {
            await credentials.CreateAsync(new CreateCredentialRequest("clari", ClariName, new()
            {
                ["baseUrl"] = "/sandbox/clari",
                ["apiKey"] = "clari-sandbox-key",
                ["partnerKey"] = "clari-sandbox-partner",
            }), cancellationToken);
            logger.LogInformation("Created the {Credential} credential", ClariName);
        }

        if (!existing.Contains(ZohoName))
        {
            await credentials.CreateAsync(new CreateCredentialRequest("zoho", ZohoName, new()
            {
                ["baseUrl"] = "/sandbox/zoho",
                ["accountsUrl"] = "/sandbox/zoho",
                ["clientId"] = "1000.ZOHOSANDBOXCLIENT",
                ["clientSecret"] = "zoho-sandbox-client-secret",
                ["refreshToken"] = "1000.zoho-sandbox-refresh-token",
            }), cancellationToken);
            logger.LogInformation("Created the {Credential} credential", ZohoName);
        }
    }
}
