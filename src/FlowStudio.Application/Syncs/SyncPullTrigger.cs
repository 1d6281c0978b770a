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
            sync.ClientsJson = MarkDue(SyncObjectConfig.Read(sync.ClientsJson), sync.PullCron, dueAt, now);
            sync.ContactsJson = MarkDue(SyncObjectConfig.Read(sync.ContactsJson), sync.PullCron, dueAt, now);
            sync.NextPullAt = SyncService.NextPull(sync, now);
            sync.PullRequested = true;
            await launcher.StartAsync(sync.Id, RunKind.Sync, automatic: true, cancellationToken);
        }
    }

    private static string? MarkDue(SyncObjectConfig? config, string syncCron, DateTime after, DateTime now) =>
        config is null ? null
            : SyncObjectConfig.Write(config with { PullDue = config.PullDue || SyncService.NextPull(config.PullCron ?? syncCron, after) <= now });
}
