namespace FlowStudio.Sandbox.ClientSuccess;

internal static class ClientSuccessApi
{
    public static RouteGroupBuilder MapClientSuccessApi(this RouteGroupBuilder group) => group;
}
