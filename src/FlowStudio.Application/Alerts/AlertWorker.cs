using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Alerts;

/// <summary>
/// Sends alerts in the background, so a run never waits for (or fails because of) its alerts. Each piece of work gets
/// its own DI scope; a failure is logged and the worker goes on. Alerts left unsent or waiting for a retry by the last
/// stop are taken up again at start.
/// </summary>
internal sealed class AlertWorker(AlertQueue queue, IServiceScopeFactory scopes, TimeProvider time, ILogger<AlertWorker> logger) : BackgroundService
{
    /// <summary>Alerts being sent at once.</summary>
    private const int Senders = 2;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ResumeAsync(stoppingToken);
            await Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => ConsumeAsync(stoppingToken)));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ResumeAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
        var waiting = await db.Alerts.AsNoTracking()
            .Where(a => a.Status == AlertStatus.Pending || (a.Status == AlertStatus.Failed && a.NextAttemptAt != null))
            .Select(a => new { a.Id, a.NextAttemptAt }).ToListAsync(stoppingToken);
        foreach (var alert in waiting)
        {
            Schedule(alert.Id, alert.NextAttemptAt, stoppingToken);
        }
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                if (work.RunId is { } runId)
                {
                    await RaiseAsync(runId, stoppingToken);
                }
                else if (work.AlertId is { } alertId)
                {
                    await SendAsync(alertId, stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Alerts for {Work} could not be handled", work);
            }
        }
    }

    private async Task RaiseAsync(string runId, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var alertId in await scope.ServiceProvider.GetRequiredService<AlertDispatcher>().RaiseAsync(runId, stoppingToken))
        {
            queue.Send(alertId);
        }
    }

    private async Task SendAsync(long alertId, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var again = await scope.ServiceProvider.GetRequiredService<AlertDispatcher>().SendAsync(alertId, stoppingToken);
        if (again is not null)
        {
            Schedule(alertId, again, stoppingToken);
        }
    }

    /// <summary>Queues the alert now, or at <paramref name="due"/>.</summary>
    private void Schedule(long alertId, DateTime? due, CancellationToken stoppingToken)
    {
        var wait = due is { } at ? at - time.GetUtcNow().UtcDateTime : TimeSpan.Zero;
        if (wait <= TimeSpan.Zero)
        {
            queue.Send(alertId);
            return;
        }

        _ = Task.Delay(wait, time, stoppingToken).ContinueWith(
            _ => queue.Send(alertId), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }
}
