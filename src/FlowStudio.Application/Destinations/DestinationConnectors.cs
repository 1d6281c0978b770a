
namespace FlowStudio.Application.Destinations;

/// <summary>The connectors records can be sent to: those that call an API with a credential.</summary>
internal static class DestinationConnectors
{
    public static IEnumerable<ConnectorDefinition> All => ConnectorCatalog.All.Where(Sends);

    public static ConnectorDefinition? Find(string? id) => ConnectorCatalog.Find(id) is { } connector && Sends(connector) ? connector : null;

    private static bool Sends(ConnectorDefinition connector) => connector.CredentialFields.Count > 0 && connector.Directions.Contains("destination");
}
