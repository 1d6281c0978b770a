using FlowStudio.Web.Components.Shell;
using FlowStudio.Web.Features.Runs;
using FlowStudio.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlowStudio.Web.Tests.Features.Runs;

[Collection(AppCollection.Name)]
public sealed class RunLauncherTests(FlowStudioApp app)
{
    [Fact]
    public async Task StartAsync_StoresTheRunQueuesItAndAnnouncesIt()
    {
        var (launcher, queue, changes, scope) = CreateSut();
        await using var _ = scope;
        var resourceId = "src_" + Guid.NewGuid().ToString("N")[..8];

        var start = await launcher.StartAsync(resourceId, RunKind.Source, automatic: true, CancellationToken.None);

        Assert.True(start.Started);
        var run = await Db(scope).Runs.AsNoTracking().SingleAsync(r => r.Id == start.RunId);
        Assert.Equal((resourceId, RunKind.Source, RunStatus.Running, true), (run.ResourceId, run.Kind, run.Status, run.Automatic));
        Assert.True(queue.Reader.TryRead(out var queued));
        Assert.Equal(new RunRequest(start.RunId, resourceId, RunKind.Source), queued);
        Assert.Contains(new FlowChange(FlowChangeKind.Run, resourceId, start.RunId), changes);
        await FinishAsync(scope, start.RunId);
    }

    [Fact]
    public async Task StartAsync_WhileTheResourceHasARun_GivesThatRunAndStoresNoOther()
    {
        var (launcher, queue, _, scope) = CreateSut();
        await using var __ = scope;
        var resourceId = "dst_" + Guid.NewGuid().ToString("N")[..8];
        var first = await launcher.StartAsync(resourceId, RunKind.Destination, automatic: false, CancellationToken.None);

        var second = await launcher.StartAsync(resourceId, RunKind.Destination, automatic: true, CancellationToken.None);

        Assert.Equal(new RunStart(first.RunId, Started: false), second);
        Assert.Equal(1, await Db(scope).Runs.CountAsync(r => r.ResourceId == resourceId));
        Assert.True(queue.Reader.TryRead(out _));
        Assert.False(queue.Reader.TryRead(out _));
        await FinishAsync(scope, first.RunId);
    }

    /// <summary>A launcher over the app's database with a queue of its own, so the engine does not pick the runs up.</summary>
    private (RunLauncher Launcher, RunQueue Queue, List<FlowChange> Changes, AsyncServiceScope Scope) CreateSut()
    {
        var scope = app.Services.CreateAsyncScope();
        var queue = new RunQueue();
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
        var launcher = new RunLauncher(Db(scope), queue, scope.ServiceProvider.GetRequiredService<VersionRecorder>(), new RunEvents(feed, TimeProvider.System), TimeProvider.System);
        return (launcher, queue, changes, scope);
    }

    private static FlowStudioDb Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<FlowStudioDb>();

    private static Task FinishAsync(AsyncServiceScope scope, string runId) =>
        Db(scope).Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Cancelled).SetProperty(r => r.FinishedAt, DateTime.UtcNow));
}
