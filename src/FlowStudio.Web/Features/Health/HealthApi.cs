using Quartz;
namespace FlowStudio.Web.Features.Health;

internal static class HealthApi
{
    public static RouteGroupBuilder MapHealthApi(this RouteGroupBuilder api)
    {
        // The role and the job scheduler's instance id tell instances apart behind a load balancer.
        api.MapGet("/health", async (IConfiguration configuration, ISchedulerFactory schedulers, CancellationToken cancellationToken) =>
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            return TypedResults.Ok(new
            {
                status = "ok",
                role = RunScheduling.Role(configuration).ToString().ToLowerInvariant(),
                instance = scheduler.SchedulerInstanceId,
            });
        }).WithName("GetHealth").AllowAnonymous();
        return api;
    }
}
