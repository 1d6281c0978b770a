using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Syncs;

/// <summary>
/// Pushes ClientSuccess's changes promptly: every second it looks for active, imported syncs whose push interval has
/// passed, asks ClientSuccess for changes after the sync's push cursor (<c>modifiedAfter</c>, one small call per pushed
/// object; the sandbox has no outbound webhooks) and starts a push run when there are some. One sync that fails is
/// logged and the others go on.
/// </summary>
internal sealed class SyncPushPoller(IServiceScopeFactory scopes, RunQueue queue, TimeProvider time, ILogger<SyncPushPoller> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The push poll failed; it will try again");
            }
        }
    }

    internal async Task PollAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<string> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
            due = await db.Syncs.AsNoTracking()
                .Where(s => s.Status == ResourceStatus.Active && s.ImportedAt != null && s.NextPushAt != null && s.NextPushAt <= now)
                .Select(s => s.Id).ToListAsync(cancellationToken);
        }

        foreach (var id in due.Where(id => !queue.IsRunning(id)))
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
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
        var sync = await db.Syncs.FirstOrDefaultAsync(s => s.Id == id && s.Status == ResourceStatus.Active, cancellationToken);
        if (sync is null)
        {
            return;
        }

        sync.NextPushAt = now.AddSeconds(sync.PushIntervalSeconds);
        await db.SaveChangesAsync(cancellationToken);
        if (await scope.ServiceProvider.GetRequiredService<SyncEngine>().HasClientSuccessChangesAsync(sync, cancellationToken))
        {
            await scope.ServiceProvider.GetRequiredService<RunLauncher>().StartAsync(id, RunKind.Sync, automatic: true, cancellationToken);
        }
    }
}
