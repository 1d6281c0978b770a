namespace FlowStudio.Application.Connectors;

/// <summary>The connectors FlowStudio speaks to, with the fields their credentials need.</summary>
internal static class ConnectorCatalog
{
    public static readonly IReadOnlyList<ConnectorDefinition> All =
    [
        new("clientsuccess", "ClientSuccess", ["source", "destination"], "https://api.clientsuccess.com",
            "Clients, contacts, contracts, client notes and Pulse records.",
            [
                new("baseUrl", "Base URL", false, Help: "Leave empty for https://api.clientsuccess.com."),
                new("username", "Username", false, Help: "With a password: FlowStudio signs in through /v1/auth."),
                new("password", "Password", true),
                new("apiKey", "API Key", true, Help: "Instead of username and password: in ClientSuccess, Global Settings > API Credentials."),
            ]),
        new("clari", "Clari", ["source", "destination"], "https://api.clari.com",
            "Clari Revenue: forecast and activity exports, audit events, entity ingestion.",
            [
                new("baseUrl", "Base URL", false, Help: "Leave empty for https://api.clari.com."),
                new("apiKey", "API Key", true, Required: true, Help: "Sent as the apikey header."),
                new("partnerKey", "Partner Key", true, Help: "Sent as the partnerkey header; ingestion needs it."),
            ]),
        new("rest", "REST API", ["source", "destination"], null,
            "Any HTTP API with JSON or XML responses.",
            [
                new("baseUrl", "Base URL", false, Required: true),
                new("authType", "Authentication", false, Options: ["none", "apiKey", "basic", "bearer"]),
                new("headerName", "API Key Header", false, Help: "Defaults to X-API-Key."),
                new("apiKey", "API Key", true),
                new("username", "Username", false),
                new("password", "Password", true),
                new("token", "Bearer Token", true),
                new("allowedOrigins", "Allowed Origins", false,
                    Help: "Other origins this credential may be sent to, comma-separated (e.g. https://files.example.com). Everything else gets no credential."),
            ]),
        new("zoho", "Zoho CRM", ["source", "destination"], "https://www.zohoapis.com",
            "Zoho CRM accounts and contacts: read, search, insert, update and upsert.",
            [
                new("baseUrl", "API Base URL", false, Help: "Leave empty for https://www.zohoapis.com; use your data centre's (the api_domain Zoho gives)."),
                new("accountsUrl", "Accounts URL", false, Help: "The data centre's accounts server. Leave empty for https://accounts.zoho.com (e.g. https://accounts.zoho.eu)."),
                new("clientId", "Client ID", false, Required: true, Help: "From the Zoho API console (self client or server-based app)."),
                new("clientSecret", "Client Secret", true, Required: true),
                new("refreshToken", "Refresh Token", true, Required: true, Help: "FlowStudio trades it for an access token at the accounts server."),
            ]),
        new("webhook", "Webhook", ["source"], null,
            "Records pushed to FlowStudio by other systems.", []),
    ];

    public static ConnectorDefinition? Find(string? id) =>
        All.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase));
}
