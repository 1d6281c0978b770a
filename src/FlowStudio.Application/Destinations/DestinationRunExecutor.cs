using FlowStudio.Engine.Destinations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FlowStudio.Application.Destinations;

/// <summary>
/// Delivers a dataset's undelivered records through <see cref="DeliveryPipeline"/>: first the failed records that are due
/// again, then the records past the destination's offset. Failed records are tried again by later runs until they fail
/// permanently or <see cref="EngineOptions.DeliveryMaxAttempts"/> times. Each commit is reported as progress.
/// </summary>
internal sealed class DestinationRunExecutor(
    FlowStudioDb db, DestinationPlanner planner, PayloadBuilder builder, DeliveryRunner runner, DeliveryStore store, DeliverySlots slots,
    ResponseWebhook responses, RunRetries retries, RunEvents events, IOptions<EngineOptions> options, TimeProvider time) : IRunExecutor
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

        var engine = options.Value;
        var offset = await store.OffsetAsync(destination.Id, cancellationToken);
        var batch = Math.Max(1, plan.Config.Batching.Enabled ? plan.Config.Batching.BatchSize : 1);
        var settings = new DeliveryRunSettings(
            destination.Id, run.Id, plan.DatasetId, plan.Config, plan.Connection,
            retries.For(plan.Config.Retry, destination.CredentialId, plan.Connection.Connector),
            engine.DestinationConcurrency,
            PageSize: Math.Clamp(batch * Math.Max(8, engine.DestinationConcurrency * 2), 100, 10_000),
            offset,
            await store.FailedPastAsync(destination.Id, offset, cancellationToken),
            // A user's run retries every failed record tried before it started; the engine's own runs wait FailedRetryDelay after the last try.
            DueBy: run.Automatic ? time.GetUtcNow().UtcDateTime : run.StartedAt + engine.FailedRetryDelay,
            engine.DeliveryMaxAttempts,
            engine.FailedRetryDelay,
            () => time.GetUtcNow().UtcDateTime);
        // One connection for the whole run; in WAL mode NORMAL still survives a killed process (only an OS crash could lose the last commits).
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = NORMAL;", cancellationToken);
        }

        using var gate = new DeliveryGate();
        var pipeline = new DeliveryPipeline(store, gate, builder, runner, slots, settings)
        {
            Earlier = new DeliveryTally(run.RecordsRead, run.RecordsSent, run.RecordsFailed, run.Requests),
            Committed = _ => events.Progressed(request),
            Stored = destination.ResponseSourceId is { } responseSourceId
                ? results => gate.RunAsync(() => responses.WriteAsync(destination.Id, responseSourceId, results, CancellationToken.None), CancellationToken.None)
                : null,
        };
        var tally = await pipeline.RunAsync(cancellationToken);

        await db.Entry(run).ReloadAsync(cancellationToken);
        await FinishAsync(
            run,
            tally.Failed > 0 && tally.Sent == 0 ? RunStatus.Failed : RunStatus.Succeeded,
            tally.Failed > 0 ? $"{tally.Failed} records failed; see the run's records." : null,
            cancellationToken);
    }

    private async Task FinishAsync(Run run, RunStatus status, string? error, CancellationToken cancellationToken)
    {
        run.Status = status;
        run.Error = error;
        run.FinishedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }
}
