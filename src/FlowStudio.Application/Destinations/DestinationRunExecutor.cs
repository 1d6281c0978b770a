using FlowStudio.Engine.Destinations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FlowStudio.Application.Destinations;

/// <summary>
/// Delivers a dataset's undelivered records, <see cref="EngineOptions.DestinationConcurrency"/> requests at a time. Each
/// request's records are committed as in flight before it is sent and as sent/failed after the answer, so a crash
/// re-sends at most the requests that were in flight. Failed records are tried again by later runs until they are dead.
/// Each answer recorded is reported as progress.
/// </summary>
internal sealed class DestinationRunExecutor(
    FlowStudioDb db, DestinationPlanner planner, PayloadBuilder builder, DeliveryRunner runner, DeliveryRecords pending,
    DeliveryLog log, RunRetries retries, RunEvents events, IOptions<EngineOptions> options, TimeProvider time) : IRunExecutor
{
    public RunKind Kind => RunKind.Destination;

    public async Task ExecuteAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var run = await db.Runs.FirstAsync(r => r.Id == request.RunId, cancellationToken);
        var destination = await db.Destinations.AsNoTracking().FirstAsync(d => d.Id == request.ResourceId, cancellationToken);
        if (run.Automatic && destination.Status != ResourceStatus.Active)
        {
            await FinishAsync(run, RunStatus.Cancelled, "The destination was paused before this run started.", cancellationToken);
            return;
        }

        var (plan, errors) = await planner.PlanAsync(DestinationService.ToRequest(destination), cancellationToken);
        if (plan is null)
        {
            await FinishAsync(run, RunStatus.Failed, string.Join(" ", errors), cancellationToken);
            return;
        }

        var retry = retries.For(plan.Config.Retry, destination.CredentialId, plan.Connection.Connector);
        // A user's run retries every failed record; the engine's own runs wait FailedRetryDelay after the last try.
        var failedBefore = run.Automatic ? time.GetUtcNow().UtcDateTime - log.FailedRetryDelay : run.StartedAt;
        var pageSize = Math.Max(1, plan.Config.Batching.Enabled ? plan.Config.Batching.BatchSize : 1) * 10;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.DestinationConcurrency, CancellationToken = cancellationToken };
        using var database = new SemaphoreSlim(1, 1);

        async ValueTask DeliverAsync(OutboundPayload payload, CancellationToken token)
        {
            await OneAtATimeAsync(database, () => log.InFlightAsync(destination.Id, run.Id, payload.RecordIds, token), token);
            var result = await runner.SendAsync(plan.Connection, payload, retry, token);
            // The answer is in: record it even if the run is being cancelled, so it is not sent again.
            await OneAtATimeAsync(database, () => log.RecordAsync(destination, run, result, CancellationToken.None), CancellationToken.None);
            events.Progressed(request);
        }

        long after = 0;
        while (true)
        {
            var records = await pending.PendingAsync(destination.Id, plan.DatasetId, after, log.MaxAttempts, failedBefore, pageSize, cancellationToken);
            if (records.Count == 0)
            {
                break;
            }

            after = records[^1].Id;
            run.RecordsRead += records.Count;
            await Parallel.ForEachAsync(builder.Build(plan.Config, records, cancellationToken), parallel, DeliverAsync);
        }

        await FinishAsync(
            run,
            run.RecordsFailed > 0 && run.RecordsSent == 0 ? RunStatus.Failed : RunStatus.Succeeded,
            run.RecordsFailed > 0 ? $"{run.RecordsFailed} records failed; see the run's records." : null,
            cancellationToken);
    }

    private static async Task OneAtATimeAsync(SemaphoreSlim gate, Func<Task> action, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await action();
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task FinishAsync(Run run, RunStatus status, string? error, CancellationToken cancellationToken)
    {
        run.Status = status;
        run.Error = error;
        run.FinishedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }
}
