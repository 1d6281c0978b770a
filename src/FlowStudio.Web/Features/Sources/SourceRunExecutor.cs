using FlowStudio.Engine.Sources;
using FlowStudio.Web.Data;
using FlowStudio.Web.Features.Datasets;
using FlowStudio.Web.Features.Runs;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Web.Features.Sources;

/// <summary>Runs a source: reads every page (and every lookup row) and streams the records into its dataset.</summary>
internal sealed class SourceRunExecutor(FlowStudioDb db, SourcePlanner planner, SourceReader reader, DatasetWriter writer, TimeProvider time) : IRunExecutor
{
    public string Kind => "source";

    public async Task ExecuteAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var run = await db.Runs.FirstAsync(r => r.Id == request.RunId, cancellationToken);
        var source = await db.Sources.AsNoTracking().FirstAsync(s => s.Id == request.ResourceId, cancellationToken);
        var (plan, errors) = await planner.PlanAsync(SourceService.ToRequest(source), cancellationToken);
        if (plan is null)
        {
            await FinishAsync(run, "failed", string.Join(" ", errors), cancellationToken);
            return;
        }

        var requests = 0;
        var records = reader.ReadAsync(plan.Connection, plan.Config, plan.LookupRows, plan.LookupKeyColumn, _ => Interlocked.Increment(ref requests), cancellationToken);
        try
        {
            await writer.WriteAsync(source.DatasetId, plan.Config.Key, records, async written =>
            {
                run.RecordsRead = written;
                run.Requests = requests;
                await db.SaveChangesAsync(CancellationToken.None);
            }, cancellationToken);
            run.Requests = requests;
            await FinishAsync(run, "succeeded", null, cancellationToken);
        }
        catch (SourceRequestException ex)
        {
            run.Requests = requests;
            await FinishAsync(run, "failed", ex.Message, CancellationToken.None);
        }
    }

    private async Task FinishAsync(Run run, string status, string? error, CancellationToken cancellationToken)
    {
        run.Status = status;
        run.Error = error;
        run.FinishedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }
}
