using FlowStudio.Engine.Destinations;
using FlowStudio.Web.Data;
using FlowStudio.Web.Features.Runs;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Web.Features.Destinations;

/// <summary>
/// Delivers a dataset's undelivered records. Each request's records are committed as "inflight" before it is sent and as
/// sent/failed after the answer, so a crash re-sends at most the request that was in flight.
/// </summary>
internal sealed class DestinationRunExecutor(
    FlowStudioDb db, DestinationPlanner planner, PayloadBuilder builder, DeliveryRunner runner, DeliveryRecords pending,
    DeliveryLog log, TimeProvider time) : IRunExecutor
{
    public string Kind => "destination";

    public async Task ExecuteAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var run = await db.Runs.FirstAsync(r => r.Id == request.RunId, cancellationToken);
        var destination = await db.Destinations.AsNoTracking().FirstAsync(d => d.Id == request.ResourceId, cancellationToken);
        var (plan, errors) = await planner.PlanAsync(DestinationService.ToRequest(destination), cancellationToken);
        if (plan is null)
        {
            await FinishAsync(run, "failed", string.Join(" ", errors), cancellationToken);
            return;
        }

        var pageSize = Math.Max(1, plan.Config.Batching.Enabled ? plan.Config.Batching.BatchSize : 1) * 10;
        long after = 0;
        while (true)
        {
            var records = await pending.PendingAsync(destination.Id, plan.DatasetId, after, log.MaxAttempts, pageSize, cancellationToken);
            if (records.Count == 0)
            {
                break;
            }

            after = records[^1].Id;
            run.RecordsRead += records.Count;
            foreach (var payload in builder.Build(plan.Config, records, cancellationToken))
            {
                await log.InFlightAsync(destination.Id, run.Id, payload.RecordIds, cancellationToken);
                var result = await runner.SendAsync(plan.Connection, payload, plan.Config.Retry, cancellationToken);
                await log.RecordAsync(destination, run, result, CancellationToken.None);
            }
        }

        await FinishAsync(run, run.RecordsFailed > 0 && run.RecordsSent == 0 ? "failed" : "succeeded", run.RecordsFailed > 0 ? $"{run.RecordsFailed} records failed; see the run's records." : null, cancellationToken);
    }

    private async Task FinishAsync(Run run, string status, string? error, CancellationToken cancellationToken)
    {
        run.Status = status;
        run.Error = error;
        run.FinishedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }
}
