using Quartz;
namespace FlowStudio.Web.Features.Health;

internal static class HealthApi
{
    public static RouteGroupBuilder MapHealthApi(this RouteGroupBuilder api)
    {
        api.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).WithName("GetHealth").AllowAnonymous();
        // Which instance answered: its role and the job scheduler's instance id (they tell instances apart behind a load balancer).
        api.MapGet("/health/instance", async (IConfiguration configuration, ISchedulerFactory schedulers, CancellationToken cancellationToken) =>
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            return TypedResults.Ok(new { role = RunScheduling.Role(configuration).ToString().ToLowerInvariant(), instance = scheduler.SchedulerInstanceId });
        }).WithName("GetHealthInstance").AllowAnonymous();
        return api;
    }
}
