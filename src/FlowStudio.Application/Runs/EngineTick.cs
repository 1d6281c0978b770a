using FlowStudio.Engine.Scheduling;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace FlowStudio.Application.Runs;

/// <summary>
/// The engine's one-second tick, fired by the job scheduler on one instance at a time (clustered, it never overlaps
/// itself across instances). It starts due runs of active sources (their schedule: once, interval or cron; a source's
/// occurrence is claimed together with its run, so it runs once), and asks every <see cref="IScheduledTrigger"/> (active
/// destinations with records to deliver, syncs due to push). A resource never has two runs at once. Each source and each
/// trigger is handled on its own: one that fails (e.g. a schedule stored before a rule existed) is logged with its id and
/// skipped, and everything else keeps running. Runs whose instance died before the scheduler held them are closed.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class EngineTick(IServiceScopeFactory scopes, RunDispatcher dispatcher, TimeProvider time, ILogger<EngineTick> logger) : IJob
{
    public static readonly JobKey Key = new("engine-tick", "engine");

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>How long a source whose next run could not be computed or started waits before the scheduler tries it again.</summary>
    internal static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    /// <summary>A running run older than this that the scheduler does not hold was lost with its instance (it died between storing and dispatching it).</summary>
    private static readonly TimeSpan OrphanAfter = TimeSpan.FromSeconds(30);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await TickAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The scheduler tick failed; it will try again");
        }
    }

    internal async Task TickAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
        var running = await RunLauncher.RunningAsync(db, cancellationToken);
        var due = await db.Sources.AsNoTracking()
            .Where(s => s.Status == ResourceStatus.Active && s.Kind == SourceKind.Api && s.NextRunAt != null && s.NextRunAt <= now)
            .OrderBy(s => s.NextRunAt).Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var id in due.Where(id => !running.Contains(id)))
        {
            try
            {
                await StartSourceRunAsync(id, now, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var retryAt = now + RetryAfterFailure;
                logger.LogError(ex, "Source {SourceId}: its next run could not be computed or started; skipped until {RetryAt:O}", id, retryAt);
                await PostponeAsync(id, retryAt, cancellationToken);
            }
        }

        foreach (var trigger in scope.ServiceProvider.GetServices<IScheduledTrigger>())
        {
            try
            {
                await trigger.TriggerAsync(now, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "The scheduled trigger {Trigger} failed; the scheduler goes on", trigger.GetType().Name);
            }
        }

        await CloseOrphansAsync(db, now, cancellationToken);
    }

    private async Task CloseOrphansAsync(FlowStudioDb db, DateTime now, CancellationToken cancellationToken)
    {
        var before = now - OrphanAfter;
        var old = await db.Runs.AsNoTracking().Where(r => r.Status == RunStatus.Running && r.StartedAt < before)
            .Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var runId in old)
        {
            if (!await dispatcher.HeldAsync(runId, cancellationToken)
                && await RunProcessor.FinishAsync(db, runId, RunStatus.Failed, RunProcessor.InterruptedError, now) > 0)
            {
                logger.LogWarning("Run {RunId} was lost with the instance that stored it; closed as interrupted", runId);
            }
        }
    }

    /// <summary>One due source, in its own scope: a failure leaves nothing half-saved behind for the next source.</summary>
    private async Task StartSourceRunAsync(string id, DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
        var source = await db.Sources.FirstOrDefaultAsync(s => s.Id == id && s.Status == ResourceStatus.Active && s.NextRunAt <= now, cancellationToken);
        if (source is null)
        {
            return;
        }

        var schedule = StoredSchedule.Read(source.ScheduleJson) ?? RunSchedule.Default;
        if (schedule.Validate() is { Count: > 0 } problems)
        {
            logger.LogWarning("Source {SourceId}: its stored schedule is not valid, so it does not run until the schedule is fixed: {Problems}",
                id, string.Join(" ", problems));
            source.NextRunAt = null;
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        // Saved with the run; when the source turns out to be running already, neither is, and it runs once that run ends.
        source.NextRunAt = schedule.NextAfter(now, now)?.UtcDateTime;
        await scope.ServiceProvider.GetRequiredService<RunLauncher>().StartAsync(source.Id, RunKind.Source, automatic: true, cancellationToken);
    }

    private async Task PostponeAsync(string id, DateTime retryAt, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FlowStudioDb>().Sources.Where(s => s.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.NextRunAt, retryAt), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Source {SourceId}: its next run could not be postponed either", id);
        }
    }
}
