using FlowStudio.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Web.Features.Runs;

/// <summary>
/// Takes runs off the queue and executes them, a few at a time, each in its own DI scope. A failing run is recorded as
/// failed and logged; the worker keeps going.
/// </summary>
internal sealed class RunWorker(RunQueue queue, IServiceScopeFactory scopes, TimeProvider time, ILogger<RunWorker> logger) : BackgroundService
{
    private const int MaxConcurrentRuns = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await MarkInterruptedRunsAsync(stoppingToken);
        var workers = Enumerable.Range(0, MaxConcurrentRuns).Select(_ => ConsumeAsync(stoppingToken));
        await Task.WhenAll(workers);
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var request in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await ProcessAsync(request, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    internal async Task ProcessAsync(RunRequest request, CancellationToken stoppingToken)
    {
        var token = queue.Started(request, stoppingToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var executor = scope.ServiceProvider.GetServices<IRunExecutor>().Single(e => e.Kind == request.Kind);
            await executor.ExecuteAsync(request, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            await FinishAsync(request.RunId, "cancelled", "The run was cancelled (paused or the app stopped).");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Run {RunId} of {ResourceId} failed", request.RunId, request.ResourceId);
            await FinishAsync(request.RunId, "failed", ex.Message);
        }
        finally
        {
            queue.Finished(request);
        }
    }

    private async Task FinishAsync(string runId, string status, string error)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
        var now = time.GetUtcNow().UtcDateTime;
        await db.Runs.Where(r => r.Id == runId && r.Status == "running")
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.Error, error).SetProperty(r => r.FinishedAt, now));
    }

    /// <summary>Runs left "running" by a previous process (killed or crashed) are marked as such at start.</summary>
    private async Task MarkInterruptedRunsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
        var now = time.GetUtcNow().UtcDateTime;
        await db.Runs.Where(r => r.Status == "running").ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, "failed")
            .SetProperty(r => r.Error, "FlowStudio stopped while this run was in progress.")
            .SetProperty(r => r.FinishedAt, now), cancellationToken);
    }
}
