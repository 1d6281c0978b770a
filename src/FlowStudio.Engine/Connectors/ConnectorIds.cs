namespace FlowStudio.Engine.Connectors;

/// <summary>The connector ids FlowStudio knows.</summary>
public static class ConnectorIds
{
    public const string ClientSuccess = "clientsuccess";
    public const string Clari = "clari";
    public const string Rest = "rest";
    public const string Webhook = "webhook";
    public const string Zoho = "zoho";

    public static readonly IReadOnlyList<string> All = [ClientSuccess, Clari, Rest, Webhook, Zoho];
}
