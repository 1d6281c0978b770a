using FlowStudio.Web.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;

namespace FlowStudio.Web.Tests.Features.Runs;

/// <summary>
/// Work one instance stores wakes the other instances' job schedulers through PostgreSQL notifications: each instance here
/// is a <see cref="WorkWakeups"/> on the same database with a started job scheduler of its own, whose fired jobs are recorded.
/// </summary>
public sealed class WorkWakeupsTests
{
    [PostgresFact]
    public async Task Announce_WakesTheOtherWorkersSchedulers_NotItsOwnNorAWebInstances()
    {
        var database = PostgresServer.Instance.Database($"wake_{Guid.NewGuid():N}");
        await using var announcer = await Instance.StartAsync(database, "worker");
        await using var worker = await Instance.StartAsync(database, "worker");
        await using var web = await Instance.StartAsync(database, "web");

        announcer.Wakeups.Announce();

        await worker.WokenAsync(TimeSpan.FromSeconds(20));
        // The notification reached every listener by now; the announcer's own and the web instance's schedulers stay asleep.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal((0, 0), (announcer.Wakes, web.Wakes));
    }

    [Fact]
    public async Task Announce_OnSQLite_DoesNothingAndNeverFails()
    {
        await using var single = await Instance.StartAsync(connectionString: null, "all");

        single.Wakeups.Announce();
        single.Wakeups.Announce();

        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal(0, single.Wakes);
    }

    private sealed class Instance : IAsyncDisposable, IJobListener
    {
        private readonly ServiceProvider _services;
        private readonly IScheduler _scheduler;
        private readonly TaskCompletionSource _woken = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _wakes;

        private Instance(ServiceProvider services, IScheduler scheduler, WorkWakeups wakeups)
        {
            _services = services;
            _scheduler = scheduler;
            Wakeups = wakeups;
        }

        public WorkWakeups Wakeups { get; }

        public int Wakes => Volatile.Read(ref _wakes);

        public string Name { get; } = Guid.NewGuid().ToString("N");

        public static async Task<Instance> StartAsync(string? connectionString, string role)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = connectionString is null ? "sqlite" : "postgres",
                ["ConnectionStrings:FlowStudio"] = connectionString ?? "Data Source=:memory:",
                ["Role"] = role,
            }).Build();
            // Each instance's scheduler is its own (in memory): a wake shows as its SchedulerWake job firing.
            var services = new ServiceCollection().AddLogging()
                .AddQuartz(q =>
                {
                    q.ConfigureScheduler(s => s.InstanceName = $"wake-test-{Guid.NewGuid():N}");
                    q.UseInMemoryStore();
                    q.AddJob<SchedulerWake>(job => job.WithIdentity(SchedulerWake.Key).StoreDurably());
                })
                .BuildServiceProvider();
            var schedulers = services.GetRequiredService<ISchedulerFactory>();
            var scheduler = await schedulers.GetScheduler(CancellationToken.None);
            var wakeups = new WorkWakeups(configuration, schedulers, TimeProvider.System, NullLogger<WorkWakeups>.Instance);
            var instance = new Instance(services, scheduler, wakeups);
            scheduler.ListenerManager.AddJobListener(instance);
            await scheduler.Start(CancellationToken.None);
            await wakeups.StartAsync(CancellationToken.None);
            // The listeners need a moment to LISTEN before anything is announced.
            await Task.Delay(TimeSpan.FromMilliseconds(connectionString is null ? 0 : 1_000));
            return instance;
        }

        public async Task WokenAsync(TimeSpan within) => await _woken.Task.WaitAsync(within);

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            if (context.JobDetail.Key.Equals(SchedulerWake.Key))
            {
                Interlocked.Increment(ref _wakes);
                _woken.TrySetResult();
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default) =>
            ValueTask.CompletedTask;

        public async ValueTask DisposeAsync()
        {
            await Wakeups.StopAsync(CancellationToken.None);
            Wakeups.Dispose();
            await _scheduler.Shutdown(false, CancellationToken.None);
            await _services.DisposeAsync();
        }
    }
}
