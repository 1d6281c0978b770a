namespace FlowStudio.Sandbox.ClientSuccess;

internal static class ClientSuccessApi
{
    /// <summary>Maps the ClientSuccess simulator: /v1/auth is open, every other route needs a token or the API key.</summary>
    public static RouteGroupBuilder MapClientSuccessApi(this RouteGroupBuilder group)
    {
        group.MapClientSuccessAuth();
        var secured = group.MapGroup(string.Empty).AddEndpointFilter<ClientSuccessAuthFilter>();
        secured.MapClientSuccessV1Api();
        secured.MapPulseApi();
        secured.MapClientNoteApi();
        secured.MapClientNoteWorkatoApi();
        secured.MapClientApi();
        secured.MapContactApi();
        secured.MapContractApi();
        secured.MapContractItemApi();
        secured.MapContractActivityApi();
        return group;
    }
}
