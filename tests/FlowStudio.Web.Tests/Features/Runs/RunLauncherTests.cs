using FlowStudio.Web.Components.Shell;
using FlowStudio.Web.Features.Runs;
using FlowStudio.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;

namespace FlowStudio.Web.Tests.Features.Runs;

[Collection(AppCollection.Name)]
public sealed class RunLauncherTests(FlowStudioApp app)
{
    [Fact]
    public async Task StartAsync_StoresTheRunQueuesItAndAnnouncesIt()
    {
        var (launcher, scheduler, changes, scope) = CreateSut();
        await using var _ = scope;
        var resourceId = "src_" + Guid.NewGuid().ToString("N")[..8];

        var start = await launcher.StartAsync(resourceId, RunKind.Source, automatic: true, CancellationToken.None);

        Assert.True(start.Started);
        var run = await Db(scope).Runs.AsNoTracking().SingleAsync(r => r.Id == start.RunId);
        Assert.Equal((resourceId, RunKind.Source, RunStatus.Running, true), (run.ResourceId, run.Kind, run.Status, run.Automatic));
        var job = await scheduler.GetJobDetail(RunExecutionJob.KeyOf(start.RunId), CancellationToken.None);
        Assert.NotNull(job);
        Assert.True(job.RequestsRecovery);
        Assert.Equal((start.RunId, resourceId, "Source"), (job.JobDataMap.GetString("runId"), job.JobDataMap.GetString("resourceId"), job.JobDataMap.GetString("kind")));
        Assert.Contains(new FlowChange(FlowChangeKind.Run, resourceId, start.RunId), changes);
        await FinishAsync(scope, start.RunId);
    }

    [Fact]
    public async Task StartAsync_WhileTheResourceHasARun_GivesThatRunAndStoresNoOther()
    {
        var (launcher, scheduler, _, scope) = CreateSut();
        await using var __ = scope;
        var resourceId = "dst_" + Guid.NewGuid().ToString("N")[..8];
        var first = await launcher.StartAsync(resourceId, RunKind.Destination, automatic: false, CancellationToken.None);

        var second = await launcher.StartAsync(resourceId, RunKind.Destination, automatic: true, CancellationToken.None);

        Assert.Equal(new RunStart(first.RunId, Started: false), second);
        Assert.Equal(1, await Db(scope).Runs.CountAsync(r => r.ResourceId == resourceId));
        Assert.Equal([first.RunId], (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(RunExecutionJob.Group), CancellationToken.None)).Select(k => k.Name));
        await FinishAsync(scope, first.RunId);
    }

    /// <summary>A launcher over the app's database with a job scheduler of its own that is never started, so the engine does not pick the runs up.</summary>
    private (RunLauncher Launcher, IScheduler Scheduler, List<FlowChange> Changes, AsyncServiceScope Scope) CreateSut()
    {
        var scope = app.Services.CreateAsyncScope();
        var schedulers = new ServiceCollection().AddLogging().AddQuartz(q => q.UseInMemoryStore()).BuildServiceProvider().GetRequiredService<ISchedulerFactory>();
        var scheduler = schedulers.GetScheduler(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        var feed = new FlowEvents(NullLogger<FlowEvents>.Instance);
        var changes = new List<FlowChange>();
        feed.Subscribe(change =>
        {
            lock (changes)
            {
                changes.Add(change);
            }

            return Task.CompletedTask;
        });
        var launcher = new RunLauncher(Db(scope), new RunDispatcher(schedulers, scope.ServiceProvider.GetRequiredService<WorkWakeups>()), scope.ServiceProvider.GetRequiredService<VersionRecorder>(), new RunEvents(feed, TimeProvider.System), TimeProvider.System);
        return (launcher, scheduler, changes, scope);
    }

    private static FlowStudioDb Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<FlowStudioDb>();

    private static Task FinishAsync(AsyncServiceScope scope, string runId) =>
        Db(scope).Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Cancelled).SetProperty(r => r.FinishedAt, DateTime.UtcNow));
}
