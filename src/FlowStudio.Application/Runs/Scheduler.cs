using FlowStudio.Engine.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Runs;

/// <summary>
/// Starts due runs of active sources (their schedule: once, interval or cron), and delivery runs of active destinations
/// whose dataset has records they have not delivered yet. A resource never has two runs at once. Each source and each
/// trigger is handled on its own: one that fails (e.g. a schedule stored before a rule existed) is logged with its id
/// and skipped, and everything else keeps running.
/// </summary>
internal sealed class Scheduler(IServiceScopeFactory scopes, RunQueue queue, TimeProvider time, ILogger<Scheduler> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    /// <summary>How long a source whose next run could not be computed or started waits before the scheduler tries it again.</summary>
    internal static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        do
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The scheduler tick failed; it will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal async Task TickAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
        var due = await db.Sources.AsNoTracking()
            .Where(s => s.Status == ResourceStatus.Active && s.Kind == SourceKind.Api && s.NextRunAt != null && s.NextRunAt <= now)
            .OrderBy(s => s.NextRunAt).Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var id in due.Where(id => !queue.IsRunning(id)))
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
