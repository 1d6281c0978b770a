namespace FlowStudio.Sandbox.Clari;

internal static class ClariApi
{
    public static RouteGroupBuilder MapClariApi(this RouteGroupBuilder group) => group;
}
