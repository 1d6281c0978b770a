using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace FlowStudio.Application.Runs;

/// <summary>What this instance does (<c>--role</c>): everything (the default), only the UI and API, or only runs.</summary>
internal enum InstanceRole
{
    All,
    Web,
    Worker,
}

/// <summary>
/// Runs and the engine's tick go through Quartz.NET. On PostgreSQL its clustered ADO.NET job store is shared by every
/// instance: a run is stored as a job marked for recovery, any worker with a free slot takes it, and when a worker dies
/// another one executes its runs again. On SQLite the same scheduler runs in its single-node form (jobs held in memory),
/// and runs a stop interrupted are closed at start, as before.
/// </summary>
internal static class RunScheduling
{
    public static InstanceRole Role(IConfiguration configuration)
    {
        var name = configuration["Role"];
        return string.IsNullOrWhiteSpace(name) ? InstanceRole.All
            : Enum.TryParse<InstanceRole>(name.Trim(), ignoreCase: true, out var role) && Enum.IsDefined(role) ? role
            : throw new InvalidOperationException($"--role must be \"all\", \"web\" or \"worker\", not \"{name}\".");
    }

    public static void AddRunScheduling(this WebApplicationBuilder builder)
    {
        var role = Role(builder.Configuration);
        var clustered = DataExtensions.Provider(builder.Configuration) == DatabaseProvider.Postgres;
        if (role != InstanceRole.All && !clustered)
        {
            throw new InvalidOperationException(
                $"--role {role.ToString().ToLowerInvariant()} needs a store every instance shares: set Database:Provider to \"postgres\" (SQLite runs everything in one process).");
        }

        var engine = builder.Configuration.GetSection(EngineOptions.Section).Get<EngineOptions>() ?? new EngineOptions();
        builder.Services.AddSingleton<RunsInFlight>();
        builder.Services.AddSingleton<RunProcessor>();
        builder.Services.AddSingleton<RunDispatcher>();
        builder.Services.AddSingleton<DeliverySliceProcessor>();
        builder.Services.AddSingleton<WorkWakeups>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WorkWakeups>());
        builder.Services.AddQuartz(q =>
        {
            // At most MaxConcurrentRuns runs at once on this instance, a thread always left for the engine's tick, and apart from
            // them the slices of split deliveries (a coordinator holds its run's slot while it waits for its slices): an
            // instance takes no more slices than its own share, so other workers take the rest.
            q.UseDefaultThreadPool(engine.MaxConcurrentRuns + 1 + engine.DeliverySlicesPerInstance);
            q.UseExecutionLimits(limits => limits.UseTriggerGroupWhenUnset()
                .ForGroup(RunExecutionJob.Group, engine.MaxConcurrentRuns)
                .ForGroup(DeliverySliceJob.Group, engine.DeliverySlicesPerInstance));
            q.ConfigureScheduler(s =>
            {
                // A worker notices runs other instances stored within a second, not Quartz's default 30 s.
                s.IdleWaitTime = TimeSpan.FromSeconds(1);
                s.MaxBatchSize = 1;
            });
            if (clustered)
            {
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(builder.Configuration.GetConnectionString("FlowStudio")!);
                    store.UseSystemTextJsonSerializer();
                    store.ConfigureStore(o => o.StoreJobDataAsStrings = true);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = engine.ClusterCheckinInterval;
                        c.CheckinMisfireThreshold = engine.ClusterCheckinInterval * 3;
                    });
                    store.ProvisionSchema();
                });
            }
            else
            {
                q.UseInMemoryStore();
            }

            q.AddJob<SchedulerWake>(job => job.WithIdentity(SchedulerWake.Key).StoreDurably());
            q.ScheduleJob<EngineTick>(
                trigger => trigger.WithIdentity(EngineTick.Key.Name, EngineTick.Key.Group).StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(EngineTick.Interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                job => job.WithIdentity(EngineTick.Key));
        });

        if (role == InstanceRole.Web)
        {
            // The UI and API store runs in the shared job store; workers execute them.
            return;
        }

        if (!clustered)
        {
            builder.Services.AddHostedService<InterruptedRuns>();
        }

        builder.Services.AddHostedService<RunCancellationWatcher>();
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = false);
    }
}

/// <summary>On one node (SQLite), runs left running by the previous process were interrupted: they are closed before any run starts.</summary>
internal sealed class InterruptedRuns(IServiceScopeFactory scopes, TimeProvider time, ILogger<InterruptedRuns> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
        var now = time.GetUtcNow().UtcDateTime;
        var interrupted = await db.Runs.Where(r => r.Status == RunStatus.Running).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, RunStatus.Failed)
            .SetProperty(r => r.Error, RunProcessor.InterruptedError)
            .SetProperty(r => r.FinishedAt, now), cancellationToken);
        if (interrupted > 0)
        {
            logger.LogWarning("{Count} runs were interrupted by the last stop; their destinations resume on their next run", interrupted);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
