using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FlowStudio.Application.Runs;

/// <summary>Runs as the API and the screens read them: newest first, with their resources' names and, for a running delivery, its total.</summary>
internal sealed class RunService(FlowStudioDb db, IOptions<EngineOptions> options)
{
    /// <summary>The most failed records one read returns.</summary>
    public const int MaxFailedRecords = 10_000;

    private const int MaxReasons = 10;

    public async Task<List<RunSummary>> ListAsync(RunFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Runs.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.ResourceId))
        {
            query = query.Where(r => r.ResourceId == filter.ResourceId);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        var runs = await query.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Take(Math.Clamp(filter.Limit, 1, 1000)).ToListAsync(cancellationToken);
        return await SummarizeAsync(runs, cancellationToken);
    }

    public async Task<RunSummary?> GetAsync(string id, CancellationToken cancellationToken) =>
        await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is { } run
            ? (await SummarizeAsync([run], cancellationToken))[0]
            : null;

    /// <summary>The sources and destinations that have runs, by name.</summary>
    public async Task<IReadOnlyList<RunResource>> ResourcesAsync(CancellationToken cancellationToken)
    {
        var ids = db.Runs.Select(r => r.ResourceId).Distinct();
        var sources = await db.Sources.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new RunResource(s.Id, s.Name, RunKind.Source)).ToListAsync(cancellationToken);
        var destinations = await db.Destinations.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new RunResource(d.Id, d.Name, RunKind.Destination)).ToListAsync(cancellationToken);
        return [.. sources.Concat(destinations).OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>The name of a source or destination, or null when it is gone.</summary>
    public async Task<string?> ResourceNameAsync(string resourceId, CancellationToken cancellationToken) =>
        await db.Destinations.AsNoTracking().Where(d => d.Id == resourceId).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken)
        ?? await db.Sources.AsNoTracking().Where(s => s.Id == resourceId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The records the run could not deliver: all counted and grouped by error, the first <paramref name="limit"/> listed.</summary>
    public async Task<RunFailures> FailuresAsync(string runId, int limit, CancellationToken cancellationToken)
    {
        var failed = db.DeliveryStates.AsNoTracking().Where(s => s.RunId == runId && (s.Outcome == DeliveryStateOutcome.Failed || s.Outcome == DeliveryStateOutcome.Dead));
        var count = await failed.CountAsync(cancellationToken);
        if (count == 0)
        {
            return RunFailures.None;
        }

        var reasons = await failed.GroupBy(s => s.Error).Select(g => new { Error = g.Key, Records = g.Count() })
            .OrderByDescending(r => r.Records).Take(MaxReasons).ToListAsync(cancellationToken);
        var states = await failed.OrderBy(s => s.RecordId).Take(Math.Clamp(limit, 1, MaxFailedRecords)).ToListAsync(cancellationToken);
        var ids = states.Select(s => s.RecordId).ToList();
        var keys = await db.DatasetRecords.AsNoTracking().Where(r => ids.Contains(r.Id) && r.Key != null)
            .ToDictionaryAsync(r => r.Id, r => r.Key!, cancellationToken);
        return new RunFailures(
            count,
            [.. reasons.Select(r => new FailureReason(r.Error, r.Records))],
            [.. states.Select(s => new FailedRecord(
                s.RecordId, keys.TryGetValue(s.RecordId, out var key) ? $"{key} (#{s.RecordId})" : $"#{s.RecordId}", s.Outcome, s.Status, s.Error, s.Attempts))]);
    }

    /// <summary>Every record the run tried, with its outcome (optionally only <paramref name="outcome"/>), for the API.</summary>
    public async Task<IReadOnlyList<DeliveryState>> RecordsAsync(string runId, DeliveryStateOutcome? outcome, CancellationToken cancellationToken)
    {
        var query = db.DeliveryStates.AsNoTracking().Where(s => s.RunId == runId);
        if (outcome is { } only)
        {
            query = query.Where(s => s.Outcome == only);
        }

        return await query.OrderBy(s => s.RecordId).Take(MaxFailedRecords).ToListAsync(cancellationToken);
    }

    private async Task<List<RunSummary>> SummarizeAsync(List<Run> runs, CancellationToken cancellationToken)
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
                summary = summary with { Total = summary.Handled + await WaitingAsync(run, cancellationToken) };
            }

            summaries.Add(summary);
        }

        return summaries;
    }

    /// <summary>
    /// The dataset records the destination has not settled yet: never tried, in flight, or failed in an earlier run and
    /// tried fewer than Engine:DeliveryMaxAttempts times.
    /// </summary>
    private async Task<long> WaitingAsync(Run run, CancellationToken cancellationToken)
    {
        var datasetId = await db.Destinations.AsNoTracking().Where(d => d.Id == run.ResourceId).Select(d => d.DatasetId).FirstOrDefaultAsync(cancellationToken);
        if (datasetId is null)
        {
            return 0;
        }

        var maxAttempts = options.Value.DeliveryMaxAttempts;
        return await db.DatasetRecords.AsNoTracking()
            .Where(r => r.DatasetId == datasetId)
            .LongCountAsync(r => !db.DeliveryStates.Any(s => s.DestinationId == run.ResourceId && s.RecordId == r.Id
                && (s.Outcome == DeliveryStateOutcome.Sent || s.Outcome == DeliveryStateOutcome.Dead || (s.Outcome == DeliveryStateOutcome.Failed && (s.RunId == run.Id || s.Attempts >= maxAttempts)))),
                cancellationToken);
    }
}
