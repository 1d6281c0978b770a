namespace FlowStudio.Sandbox.Zoho;

/// <summary>The simulated Zoho CRM org's connected app and its refresh token.</summary>
public static class ZohoAccount
{
    public const string ClientId = "1000.ZOHOSANDBOXCLIENT";

    public const string ClientSecret = "zoho-sandbox-client-secret";

    public const string RefreshToken = "1000.zoho-sandbox-refresh-token";

    public const string Scope = "ZohoCRM.modules.ALL";

    public const string OwnerId = "5725767000000411001";

    public const string OwnerName = "Sandbox Admin";
}
