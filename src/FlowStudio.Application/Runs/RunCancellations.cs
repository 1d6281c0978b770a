using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Runs;

/// <summary>
/// Cancels a resource's running runs wherever they execute: a request is stored for each (the instance executing it sees
/// it within a second; a run not started yet is cancelled when it would start) and the runs executing here stop at once.
/// </summary>
internal sealed class RunCancellations(FlowStudioDb db, RunsInFlight inFlight, TimeProvider time)
{
    /// <summary>Asks every running run of <paramref name="resourceId"/> to stop; returns how many there were.</summary>
    public async Task<int> CancelAsync(string resourceId, CancellationToken cancellationToken)
    {
        var running = await db.Runs.AsNoTracking().Where(r => r.ResourceId == resourceId && r.Status == RunStatus.Running)
            .Select(r => r.Id).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var requested = await db.RunCancellations.Where(c => running.Contains(c.RunId)).Select(c => c.RunId).ToListAsync(cancellationToken);
        db.RunCancellations.AddRange(running.Except(requested).Select(id => new RunCancellation { RunId = id, RequestedAt = now }));
        await db.SaveChangesAsync(cancellationToken);
        inFlight.Cancel(resourceId);
        return running.Count;
    }

    /// <summary>Whether someone asked to cancel the run.</summary>
    public Task<bool> RequestedAsync(string runId, CancellationToken cancellationToken) =>
        db.RunCancellations.AnyAsync(c => c.RunId == runId, cancellationToken);
}

/// <summary>Every half second, cancels the runs executing here that another instance asked to cancel.</summary>
internal sealed class RunCancellationWatcher(RunsInFlight inFlight, IServiceScopeFactory scopes, TimeProvider time, ILogger<RunCancellationWatcher> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var running = inFlight.RunIds.ToList();
            if (running.Count == 0)
            {
                continue;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
                foreach (var runId in await db.RunCancellations.AsNoTracking().Where(c => running.Contains(c.RunId)).Select(c => c.RunId).ToListAsync(stoppingToken))
                {
                    inFlight.CancelRun(runId);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Cancel requests could not be read; trying again");
            }
        }
    }
}
