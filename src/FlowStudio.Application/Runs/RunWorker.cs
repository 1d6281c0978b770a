using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FlowStudio.Application.Runs;

/// <summary>
/// Takes runs off the queue and executes them, <see cref="EngineOptions.MaxConcurrentRuns"/> at a time, each in its own
/// DI scope. A failing run is recorded as failed and logged; the worker keeps going. Open pages hear of each run
/// starting and finishing through <see cref="RunEvents"/> (the executors report its progress); the flow's alert rules hear
/// of each run that ends, and their alerts are sent apart from it (<see cref="AlertQueue"/>).
/// </summary>
internal sealed class RunWorker(
    RunQueue queue, RunEvents events, AlertQueue alerts, IServiceScopeFactory scopes, IOptions<EngineOptions> options, TimeProvider time, ILogger<RunWorker> logger)
    : BackgroundService
{
    public const string InterruptedError =
        "FlowStudio stopped while this run was in progress (the process was stopped, killed or crashed). " +
        "Records that were in flight are sent again by the destination's next run.";

    /// <summary>Before any run can start (the scheduler starts after this), runs left running by a previous process are closed.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await MarkInterruptedRunsAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, options.Value.MaxConcurrentRuns).Select(_ => ConsumeAsync(stoppingToken));
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
        if (queue.Started(request, stoppingToken) is not { } token)
        {
            await FinishAsync(request.RunId, RunStatus.Cancelled, "The run was cancelled (paused) before it started.");
            events.Finished(request);
            return;
        }

        events.Changed(request);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var executor = scope.ServiceProvider.GetServices<IRunExecutor>().Single(e => e.Kind == request.Kind);
            await executor.ExecuteAsync(request, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            await FinishAsync(request.RunId, RunStatus.Cancelled, stoppingToken.IsCancellationRequested
                ? "The run was cancelled because FlowStudio is stopping; the next run continues where it stopped."
                : "The run was cancelled (paused); activating again continues where it stopped.");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Run {RunId} of {ResourceId} failed", request.RunId, request.ResourceId);
            await FinishAsync(request.RunId, RunStatus.Failed, ex.Message);
        }
        finally
        {
            queue.Finished(request);
            events.Finished(request);
            alerts.RunFinished(request.RunId);
        }
    }

    private async Task FinishAsync(string runId, RunStatus status, string error)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
        var now = time.GetUtcNow().UtcDateTime;
        await db.Runs.Where(r => r.Id == runId && r.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.Error, error).SetProperty(r => r.FinishedAt, now));
    }

    private async Task MarkInterruptedRunsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
        var now = time.GetUtcNow().UtcDateTime;
        var interrupted = await db.Runs.Where(r => r.Status == RunStatus.Running).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, RunStatus.Failed)
            .SetProperty(r => r.Error, InterruptedError)
            .SetProperty(r => r.FinishedAt, now), cancellationToken);
        if (interrupted > 0)
        {
            logger.LogWarning("{Count} runs were interrupted by the last stop; their destinations resume on their next run", interrupted);
        }
    }
}
