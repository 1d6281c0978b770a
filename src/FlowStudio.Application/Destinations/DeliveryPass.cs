using FlowStudio.Engine.Destinations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FlowStudio.Application.Destinations;

/// <summary>
/// One pass of <see cref="DeliveryPipeline"/> for a run over a <see cref="DeliveryRange"/>: the whole delivery of a run
/// without slices, the failed records a split run tries again before it splits, or one slice. Each commit is reported as
/// the run's progress.
/// </summary>
internal sealed class DeliveryPass(
    FlowStudioDb db, PayloadBuilder builder, DeliveryRunner runner, DeliveryStore store, DeliverySlots slots,
    ResponseWebhook responses, RunRetries retries, RunEvents events, IServiceScopeFactory scopes, IOptions<EngineOptions> options, TimeProvider time)
{
    public async Task<DeliveryTally> RunAsync(
        RunRequest request, Run run, Destination destination, DestinationPlan plan, DeliveryRange range, CancellationToken cancellationToken)
    {
        var engine = options.Value;
        var batch = Math.Max(1, plan.Config.Batching.Enabled ? plan.Config.Batching.BatchSize : 1);
        // A load its last call closes goes call after call, so the last is sent once every other is answered.
        var closesLoad = LastBatchFlag.ClosesLoad(plan.Config.Url);
        var settings = new DeliveryRunSettings(
            destination.Id, run.Id, plan.DatasetId, plan.Config, plan.Connection,
            retries.For(plan.Config.Retry, destination.CredentialId, plan.Connection.Connector),
            closesLoad ? 1 : engine.DestinationConcurrency,
            PageSize: Math.Clamp(batch * Math.Max(8, engine.DestinationConcurrency * 2), 100, 10_000),
            range,
            await store.FailedPastAsync(destination.Id, range.Offset, cancellationToken),
            // A user's run retries every failed record tried before it started; the engine's own runs wait FailedRetryDelay after the last try.
            DueBy: run.Automatic ? time.GetUtcNow().UtcDateTime : run.StartedAt + engine.FailedRetryDelay,
            engine.DeliveryMaxAttempts,
            engine.FailedRetryDelay,
            () => time.GetUtcNow().UtcDateTime,
            closesLoad);
        // One connection for the whole pass; in WAL mode NORMAL still survives a killed process (only an OS crash could lose the last commits).
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = NORMAL;", cancellationToken);
        }

        // The records are read on a connection of their own (WAL: reads never wait for the commits, nor commits for them).
        await using var reading = scopes.CreateAsyncScope();
        var pipeline = new DeliveryPipeline(store, reading.ServiceProvider.GetRequiredService<DeliveryStore>(), builder, runner, slots, settings)
        {
            // A slice adds to the run's counts; a pass of the run itself (resumed on another instance) goes on counting from them.
            Earlier = range.Slice is null ? new DeliveryTally(run.RecordsRead, run.RecordsSent, run.RecordsFailed, run.Requests) : DeliveryTally.None,
            Committed = _ => events.Progressed(request),
            Stored = destination.ResponseSourceId is { } responseSourceId
                ? results => responses.WriteAsync(destination.Id, responseSourceId, results, CancellationToken.None)
                : null,
        };
        return await pipeline.RunAsync(cancellationToken);
    }
}
