using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Syncs;

/// <summary>
/// Pushes ClientSuccess's changes promptly: every engine tick (a second) it looks for active, imported syncs whose push interval has
/// passed, asks ClientSuccess for changes after the sync's push cursor (<c>modifiedAfter</c>, one small call per pushed
/// object; the sandbox has no outbound webhooks) and starts a push run when there are some. One sync that fails is
/// logged and the others go on.
/// </summary>
internal sealed class SyncPushPoller(IServiceScopeFactory scopes, FlowStudioDb db, ILogger<SyncPushPoller> logger) : IScheduledTrigger
{
    public Task TriggerAsync(DateTime now, CancellationToken cancellationToken) => PollAsync(now, cancellationToken);

    private async Task PollAsync(DateTime now, CancellationToken cancellationToken)
    {
        var due = await db.Syncs.AsNoTracking()
            .Where(s => s.Status == ResourceStatus.Active && s.ImportedAt != null && s.NextPushAt != null && s.NextPushAt <= now)
            .Select(s => s.Id).ToListAsync(cancellationToken);
        var running = await RunLauncher.RunningAsync(db, cancellationToken);
        foreach (var id in due.Where(id => !running.Contains(id)))
        {
            try
            {
                await PollAsync(id, now, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Sync {SyncId}: ClientSuccess could not be asked for changes; it is asked again at the next interval", id);
            }
        }
    }

    private async Task PollAsync(string id, DateTime now, CancellationToken cancellationToken)
    {
        // Each sync in its own scope: one that fails leaves nothing half-saved behind for the next.
        await using var scope = scopes.CreateAsyncScope();
        var syncs = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
        var sync = await syncs.Syncs.FirstOrDefaultAsync(s => s.Id == id && s.Status == ResourceStatus.Active, cancellationToken);
        if (sync is null)
        {
            return;
        }

        sync.NextPushAt = now.AddSeconds(sync.PushIntervalSeconds);
        await syncs.SaveChangesAsync(cancellationToken);
        if (await scope.ServiceProvider.GetRequiredService<SyncEngine>().HasClientSuccessChangesAsync(sync, cancellationToken))
        {
            await scope.ServiceProvider.GetRequiredService<RunLauncher>().StartAsync(id, RunKind.Sync, automatic: true, cancellationToken);
        }
    }
}
