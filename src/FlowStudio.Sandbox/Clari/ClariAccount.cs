namespace FlowStudio.Sandbox.Clari;

/// <summary>The one simulated Clari org, its API token user and the integration partner (API.md, Sandbox).</summary>
internal static class ClariAccount
{
    public const string ApiKey = "clari-sandbox-key";
    public const string PartnerKey = "clari-sandbox-partner";
    public const string PartnerName = "flowstudio-sandbox";
    public const int OrgId = 101;
    public const int UserId = 1000;
}
