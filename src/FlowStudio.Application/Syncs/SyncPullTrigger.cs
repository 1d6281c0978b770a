using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Syncs;

/// <summary>
/// On the scheduler's tick: starts a pull (with its push) of each active, imported sync whose pull schedule is due, marking
/// the objects whose own poll schedule came due (the sync's next pull was the soonest of them, so an object is due when its
/// schedule fell between that time and now).
/// </summary>
internal sealed class SyncPullTrigger(FlowStudioDb db, RunLauncher launcher) : IScheduledTrigger
{
    public async Task TriggerAsync(DateTime now, CancellationToken cancellationToken)
    {
        var due = await db.Syncs.Where(s => s.Status == ResourceStatus.Active && s.ImportedAt != null && s.NextPullAt != null && s.NextPullAt <= now)
            .OrderBy(s => s.NextPullAt).ToListAsync(cancellationToken);
        foreach (var sync in due)
        {
            // Saved with the run; when the sync is running already, neither is, and the pull starts once that run ends.
            var dueAt = sync.NextPullAt!.Value.AddSeconds(-1);
            foreach (var obj in Enum.GetValues<SyncObject>())
            {
                if (SyncObjectConfig.Of(sync, obj) is { } config && !config.PullDue && SyncService.NextPull(config.PullCron ?? sync.PullCron, dueAt) <= now)
                {
                    SyncObjectConfig.Store(sync, obj, config with { PullDue = true });
                }
            }

            sync.NextPullAt = SyncService.NextPull(sync, now);
            sync.PullRequested = true;
            await launcher.StartAsync(sync.Id, RunKind.Sync, automatic: true, cancellationToken);
        }
    }
}
