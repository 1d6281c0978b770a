using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Syncs;

/// <summary>On the scheduler's tick: starts a pull (with its push) of each active, imported sync whose pull schedule is due.</summary>
internal sealed class SyncPullTrigger(FlowStudioDb db, RunLauncher launcher) : IScheduledTrigger
{
    public async Task TriggerAsync(DateTime now, CancellationToken cancellationToken)
    {
        var due = await db.Syncs.Where(s => s.Status == ResourceStatus.Active && s.ImportedAt != null && s.NextPullAt != null && s.NextPullAt <= now)
            .OrderBy(s => s.NextPullAt).ToListAsync(cancellationToken);
        foreach (var sync in due)
        {
            // Saved with the run; when the sync is running already, neither is, and the pull starts once that run ends.
            sync.NextPullAt = SyncService.NextPull(sync.PullCron, now);
            sync.PullRequested = true;
            await launcher.StartAsync(sync.Id, RunKind.Sync, automatic: true, cancellationToken);
        }
    }
}
