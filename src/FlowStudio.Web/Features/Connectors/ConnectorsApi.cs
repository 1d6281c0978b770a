namespace FlowStudio.Web.Features.Connectors;

internal static class ConnectorsApi
{
    public static RouteGroupBuilder MapConnectorsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/connectors", GetConnectors).WithName("GetConnectors");
        return api;
    }

    private static IResult GetConnectors() =>
        TypedResults.Ok(ConnectorCatalog.All.Select(c => new
        {
            c.Id,
            c.Name,
            c.Directions,
            c.Description,
            fields = c.CredentialFields.Select(f => new { f.Name, f.Label, f.Secret, f.Required, f.Options, f.Help }),
        }));
}
