using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Runs;

/// <summary>
/// Executes one run (the job scheduler calls it through <see cref="RunExecutionJob"/>, on whichever instance takes the run), in its
/// own DI scope. A failing run is recorded as failed and logged. Open pages hear of each run starting and finishing through
/// <see cref="RunEvents"/> (the executors report its progress); the flow's alert rules hear of each run that ends, and
/// their alerts are sent apart from it (<see cref="AlertQueue"/>).
/// </summary>
internal sealed class RunProcessor(RunsInFlight inFlight, RunEvents events, AlertQueue alerts, IServiceScopeFactory scopes, TimeProvider time, ILogger<RunProcessor> logger)
{
    public const string InterruptedError =
        "FlowStudio stopped while this run was in progress (the process was stopped, killed or crashed). " +
        "Records that were in flight are sent again by the destination's next run.";

    public const string PausedError = "The run was cancelled (paused); activating again continues where it stopped.";

    public const string StoppingError = "The run was cancelled because FlowStudio is stopping; the next run continues where it stopped.";

    /// <param name="recovering">
    /// The instance that executed the run died, and the scheduler gives it to this one. A delivery continues where its
    /// last commit left it; a source read or a sync is closed as interrupted (its next run starts it again).
    /// </param>
    public async Task ProcessAsync(RunRequest request, bool recovering, CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
            if (!await db.Runs.AnyAsync(r => r.Id == request.RunId && r.Status == RunStatus.Running, stoppingToken))
            {
                return;
            }

            if (await db.RunCancellations.AnyAsync(c => c.RunId == request.RunId, stoppingToken))
            {
                await FinishAsync(request, RunStatus.Cancelled, "The run was cancelled (paused) before it started.");
                return;
            }

            if (recovering && request.Kind != RunKind.Destination)
            {
                await FinishAsync(request, RunStatus.Failed, InterruptedError);
                return;
            }
        }

        var token = inFlight.Started(request, stoppingToken);
        events.Changed(request);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var executor = scope.ServiceProvider.GetServices<IRunExecutor>().Single(e => e.Kind == request.Kind);
            await executor.ExecuteAsync(request, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            await FinishAsync(request, RunStatus.Cancelled, stoppingToken.IsCancellationRequested ? StoppingError : PausedError);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Run {RunId} of {ResourceId} failed", request.RunId, request.ResourceId);
            await FinishAsync(request, RunStatus.Failed, ex.Message);
        }
        finally
        {
            inFlight.Finished(request);
            events.Finished(request);
            alerts.RunFinished(request.RunId);
        }
    }

    /// <summary>Closes the run with <paramref name="status"/> unless it has ended already, and tells open pages.</summary>
    private async Task FinishAsync(RunRequest request, RunStatus status, string error)
    {
        await using var scope = scopes.CreateAsyncScope();
        await FinishAsync(scope.ServiceProvider.GetRequiredService<FlowStudioDb>(), request.RunId, status, error, time.GetUtcNow().UtcDateTime);
        events.Finished(request);
    }

    public static Task<int> FinishAsync(FlowStudioDb db, string runId, RunStatus status, string error, DateTime now) =>
        db.Runs.Where(r => r.Id == runId && r.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.Error, error).SetProperty(r => r.FinishedAt, now));
}
