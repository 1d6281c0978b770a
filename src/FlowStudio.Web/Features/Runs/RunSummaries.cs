using FlowStudio.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Web.Features.Runs;

/// <summary>Loads runs newest first with their resources' names, and the progress totals of destination runs in progress.</summary>
internal static class RunSummaries
{
    public static async Task<List<RunSummary>> ListAsync(FlowStudioDb db, string? resourceId, int limit, int maxAttempts, CancellationToken cancellationToken)
    {
        var query = db.Runs.AsNoTracking();
        if (!string.IsNullOrEmpty(resourceId))
        {
            query = query.Where(r => r.ResourceId == resourceId);
        }

        var runs = await query.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(limit).ToListAsync(cancellationToken);
        return await SummarizeAsync(db, runs, maxAttempts, cancellationToken);
    }

    public static async Task<RunSummary?> GetAsync(FlowStudioDb db, string id, int maxAttempts, CancellationToken cancellationToken) =>
        await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is { } run
            ? (await SummarizeAsync(db, [run], maxAttempts, cancellationToken))[0]
            : null;

    /// <summary>The name of a source or destination, or null when it is gone.</summary>
    public static async Task<string?> ResourceNameAsync(FlowStudioDb db, string resourceId, CancellationToken cancellationToken) =>
        await db.Destinations.AsNoTracking().Where(d => d.Id == resourceId).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken)
        ?? await db.Sources.AsNoTracking().Where(s => s.Id == resourceId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);

    private static async Task<List<RunSummary>> SummarizeAsync(FlowStudioDb db, List<Run> runs, int maxAttempts, CancellationToken cancellationToken)
    {
        var ids = runs.Select(r => r.ResourceId).Distinct().ToList();
        var names = await db.Sources.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        foreach (var (id, name) in await db.Destinations.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken))
        {
            names[id] = name;
        }

        var summaries = new List<RunSummary>(runs.Count);
        foreach (var run in runs)
        {
            var summary = new RunSummary(run.Id, run.ResourceId, names.GetValueOrDefault(run.ResourceId, "(deleted)"), run.Kind, run.Status,
                run.RecordsRead, run.RecordsSent, run.RecordsFailed, run.Requests, run.Error, run.StartedAt, run.FinishedAt);
            if (summary is { IsRunning: true, IsDestination: true })
            {
                summary = summary with { Total = summary.Handled + await WaitingAsync(db, run, maxAttempts, cancellationToken) };
            }

            summaries.Add(summary);
        }

        return summaries;
    }

    /// <summary>
    /// The dataset records the destination has not settled yet: never tried, in flight, or failed in an earlier run and
    /// tried fewer than <paramref name="maxAttempts"/> times (Engine:DeliveryMaxAttempts).
    /// </summary>
    private static async Task<long> WaitingAsync(FlowStudioDb db, Run run, int maxAttempts, CancellationToken cancellationToken)
    {
        var datasetId = await db.Destinations.AsNoTracking().Where(d => d.Id == run.ResourceId).Select(d => d.DatasetId).FirstOrDefaultAsync(cancellationToken);
        if (datasetId is null)
        {
            return 0;
        }

        return await db.DatasetRecords.AsNoTracking()
            .Where(r => r.DatasetId == datasetId)
            .LongCountAsync(r => !db.DeliveryStates.Any(s => s.DestinationId == run.ResourceId && s.RecordId == r.Id
                && (s.Outcome == "sent" || s.Outcome == "dead" || (s.Outcome == "failed" && (s.RunId == run.Id || s.Attempts >= maxAttempts)))),
                cancellationToken);
    }
}
