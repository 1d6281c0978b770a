using FlowStudio.Engine.Http;
using FlowStudio.Engine.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FlowStudio.Application.Sources;

/// <summary>
/// Runs a source: reads every page (and every lookup row) and streams the records into its dataset. Calls get the
/// engine's retries and the credential's rate budget. An incremental source (with a cursor field) reads only records
/// past the cursor of its last successful run, and moves the cursor forward when the run succeeds. Pages are written while
/// the next ones are fetched; each commit of records is reported as progress. Then the transforms reading the dataset
/// refresh theirs in the same run (records a transform step failed on are named in the run's error).
/// </summary>
internal sealed class SourceRunExecutor(
    FlowStudioDb db,
    SourcePlanner planner,
    ApiClient api,
    RunRetries retries,
    DatasetWriter writer,
    TransformProcessor transforms,
    RunEvents events,
    IOptions<EngineOptions> options,
    TimeProvider time) : IRunExecutor
{
    public RunKind Kind => RunKind.Source;

    public async Task ExecuteAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var run = await db.Runs.FirstAsync(r => r.Id == request.RunId, cancellationToken);
        var source = await db.Sources.FirstAsync(s => s.Id == request.ResourceId, cancellationToken);
        var definition = SourceService.ToRequest(source);
        var (plan, errors) = await planner.PlanAsync(definition, cancellationToken);
        if (plan is null)
        {
            await FinishAsync(run, RunStatus.Failed, string.Join(" ", errors), cancellationToken);
            return;
        }

        var cursorField = plan.Config.CursorField;
        var cursor = string.IsNullOrWhiteSpace(cursorField) ? null : new SourceCursor(cursorField.Trim(), source.Cursor);
        var maxPages = options.Value.SourceMaxPages;
        var config = cursor is null
            ? plan.Config with { MaxPages = maxPages }
            : plan.Config with { Url = cursor.Apply(plan.Config.Url, plan.Connection), Cursor = source.Cursor ?? plan.Config.Cursor, MaxPages = maxPages };
        var reader = new SourceReader(api, time, retries.For(null, source.CredentialId, plan.Connection.Connector));

        var requests = 0;
        var pages = reader.ReadPagesAsync(plan.Connection, config, plan.LookupRows, plan.LookupKeyColumn, _ => Interlocked.Increment(ref requests), cancellationToken);
        try
        {
            await writer.WritePagesAsync(
                source.DatasetId,
                config.Key,
                cursor is null ? pages : pages.Select(cursor.Filter),
                written =>
                {
                    // Saved with the records it counts, in the same transaction.
                    run.RecordsRead = written;
                    run.Requests = requests;
                },
                async written =>
                {
                    if (written == 0)
                    {
                        run.Requests = requests;
                        await db.SaveChangesAsync(CancellationToken.None);
                    }

                    events.Progressed(request);
                },
                cancellationToken);
            run.Requests = requests;
            source.Cursor = cursor?.Latest ?? source.Cursor;
            var refreshed = await transforms.RefreshDownstreamAsync(source.DatasetId, cancellationToken);
            var problems = refreshed.Select(t => t.Problem).OfType<string>().ToList();
            if (plan.LookupRows is not { Count: > 0 } && requests >= maxPages)
            {
                problems.Insert(0, $"The run stopped at the page cap ({maxPages:N0} pages, Engine:SourceMaxPages): pages after it were not read.");
            }

            await FinishAsync(run, RunStatus.Succeeded, problems.Count == 0 ? null : string.Join(" ", problems), cancellationToken);
        }
        catch (SourceRequestException ex)
        {
            run.Requests = requests;
            await FinishAsync(run, RunStatus.Failed, ex.Message, CancellationToken.None);
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
