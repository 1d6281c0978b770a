namespace FlowStudio.Web.Features.Health;

internal static class HealthApi
{
    public static RouteGroupBuilder MapHealthApi(this RouteGroupBuilder api)
    {
        api.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).WithName("GetHealth").AllowAnonymous();
        return api;
    }
}
