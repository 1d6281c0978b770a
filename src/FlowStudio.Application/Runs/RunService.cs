using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Runs;

/// <summary>Runs as the API and the screens read them: newest first, with their resources' names and, for a running delivery, its total.</summary>
internal sealed class RunService(FlowStudioDb db)
{
    /// <summary>The most failed records one read returns.</summary>
    public const int MaxFailedRecords = 10_000;

    private const int MaxReasons = 10;
    private const int MaxExamples = 3;

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

    /// <summary>The sources, destinations and syncs that have runs, by name.</summary>
    public async Task<IReadOnlyList<RunResource>> ResourcesAsync(CancellationToken cancellationToken)
    {
        var ids = db.Runs.Select(r => r.ResourceId).Distinct();
        var sources = await db.Sources.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new RunResource(s.Id, s.Name, RunKind.Source)).ToListAsync(cancellationToken);
        var destinations = await db.Destinations.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new RunResource(d.Id, d.Name, RunKind.Destination)).ToListAsync(cancellationToken);
        var syncs = await db.Syncs.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new RunResource(s.Id, s.Name, RunKind.Sync)).ToListAsync(cancellationToken);
        return [.. sources.Concat(destinations).Concat(syncs).OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>The name of a source, destination or sync, or null when it is gone.</summary>
    public async Task<string?> ResourceNameAsync(string resourceId, CancellationToken cancellationToken) =>
        await db.Destinations.AsNoTracking().Where(d => d.Id == resourceId).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken)
        ?? await db.Sources.AsNoTracking().Where(s => s.Id == resourceId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken)
        ?? await db.Syncs.AsNoTracking().Where(s => s.Id == resourceId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The records the run could not deliver: all counted and grouped by reason with example records, the first <paramref name="limit"/> listed.</summary>
    public async Task<RunFailures> FailuresAsync(string runId, int limit, CancellationToken cancellationToken)
    {
        var failed = Failed(runId, null);
        var count = await failed.CountAsync(cancellationToken);
        if (count == 0)
        {
            return RunFailures.None;
        }

        var reasons = await failed.GroupBy(f => f.Error).Select(g => new { Error = g.Key, Records = g.Count(), First = g.Min(f => f.RecordId) })
            .OrderByDescending(r => r.Records).Take(MaxReasons).ToListAsync(cancellationToken);
        var rows = await failed.OrderBy(f => f.RecordId).Take(Math.Clamp(limit, 1, MaxFailedRecords)).ToListAsync(cancellationToken);
        var examples = new List<(string? Error, List<long> Ids)>();
        foreach (var reason in reasons)
        {
            examples.Add((reason.Error, await failed.Where(f => f.Error == reason.Error).OrderBy(f => f.RecordId).Select(f => f.RecordId).Take(MaxExamples).ToListAsync(cancellationToken)));
        }

        var ids = rows.Select(r => r.RecordId).Concat(examples.SelectMany(e => e.Ids)).Distinct().ToList();
        var keys = await db.DatasetRecords.AsNoTracking().Where(r => ids.Contains(r.Id) && r.Key != null)
            .ToDictionaryAsync(r => r.Id, r => r.Key!, cancellationToken);
        string Name(long id) => keys.TryGetValue(id, out var key) ? $"{key} (#{id})" : $"#{id}";
        return new RunFailures(
            count,
            [.. reasons.Zip(examples, (r, e) => new FailureReason(r.Error, r.Records, [.. e.Ids.Select(Name)]))],
            [.. rows.Select(r => new FailedRecord(r.RecordId, Name(r.RecordId), r.Outcome, r.Status, r.Error, r.Attempts))]);
    }

    /// <summary>The records the run left failed (optionally only <paramref name="outcome"/>), for the API; sent records are counted, not listed.</summary>
    public async Task<IReadOnlyList<FailedRecord>> RecordsAsync(string runId, DeliveryStateOutcome? outcome, CancellationToken cancellationToken) =>
        (await Failed(runId, outcome).OrderBy(f => f.RecordId).Take(MaxFailedRecords).ToListAsync(cancellationToken))
            .ConvertAll(r => new FailedRecord(r.RecordId, $"#{r.RecordId}", r.Outcome, r.Status, r.Error, r.Attempts));

    /// <summary>The ingest jobs the run's requests started, with their final states.</summary>
    public async Task<IReadOnlyList<RunJob>> JobsAsync(string runId, CancellationToken cancellationToken) =>
        await db.IngestJobs.AsNoTracking().Where(j => j.RunId == runId).OrderBy(j => j.Id)
            .Select(j => new RunJob(j.JobId, j.State, j.Records)).Take(MaxFailedRecords).ToListAsync(cancellationToken);

    /// <summary>A run's failed records with their reason: the item's own, else its request's message.</summary>
    private IQueryable<FailureRow> Failed(string runId, DeliveryStateOutcome? outcome)
    {
        var failed = db.FailedDeliveries.AsNoTracking().Where(f => f.RunId == runId);
        if (outcome is { } only)
        {
            failed = failed.Where(f => f.Permanent == (only == DeliveryStateOutcome.Dead));
        }

        return from f in failed
               join e in db.RequestErrors on f.RequestErrorId equals e.Id into errors
               from e in errors.DefaultIfEmpty()
               select new FailureRow
               {
                   RecordId = f.RecordId,
                   Outcome = f.Permanent ? DeliveryStateOutcome.Dead : DeliveryStateOutcome.Failed,
                   Status = e == null ? null : e.Status,
                   Error = f.Reason ?? (e == null ? null : e.Message),
                   Attempts = f.Attempts,
               };
    }

    private async Task<List<RunSummary>> SummarizeAsync(List<Run> runs, CancellationToken cancellationToken)
    {
        var ids = runs.Select(r => r.ResourceId).Distinct().ToList();
        var names = await db.Sources.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        foreach (var (id, name) in await db.Destinations.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken))
        {
            names[id] = name;
        }

        foreach (var (id, name) in await db.Syncs.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken))
        {
            names[id] = name;
        }

        var summaries = new List<RunSummary>(runs.Count);
        foreach (var run in runs)
        {
            var summary = new RunSummary(run.Id, run.ResourceId, names.GetValueOrDefault(run.ResourceId, "(deleted)"), run.Kind, run.Status,
                run.RecordsRead, run.RecordsSent, run.RecordsFailed, run.Requests, run.Error, run.StartedAt, run.FinishedAt)
            {
                Version = run.Version,
            };
            if (summary is { IsRunning: true, IsDestination: true })
            {
                summary = summary with { Total = summary.Handled + await WaitingAsync(run, cancellationToken) };
            }

            summaries.Add(summary);
        }

        return summaries;
    }

    /// <summary>The records the destination has not tried yet (the same count its page shows as pending).</summary>
    private async Task<long> WaitingAsync(Run run, CancellationToken cancellationToken) =>
        (await DeliveryCounts.LoadAsync(db, run.ResourceId, cancellationToken)).GetValueOrDefault(run.ResourceId)?.Pending ?? 0;

    private sealed class FailureRow
    {
        public long RecordId { get; init; }

        public DeliveryStateOutcome Outcome { get; init; }

        public int? Status { get; init; }

        public string? Error { get; init; }

        public int Attempts { get; init; }
    }
}
