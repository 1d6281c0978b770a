namespace FlowStudio.Sandbox.Zoho;

/// <summary>Limits of the simulated Zoho CRM org.</summary>
/// <param name="RequestsPerMinute">API calls an access token may make in a rolling minute before 429 TOO_MANY_REQUESTS.</param>
/// <param name="AccessTokenSeconds">How long an access token lives (Zoho: 3600 seconds).</param>
public sealed record ZohoOptions(int RequestsPerMinute = 1000, int AccessTokenSeconds = 3600)
{
    public static readonly ZohoOptions Default = new();
}
