using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Sources;

/// <summary>What the source screens show beside a source's configuration: its dataset's size and sample, and its runs.</summary>
internal sealed class SourceOverview(FlowStudioDb db, SourceService sources, TimeProvider time)
{
    /// <summary>How many sample records the source page shows.</summary>
    public const int SampleSize = 10;

    /// <summary>How many of the latest runs the source page shows.</summary>
    public const int RunsShown = 5;

    /// <summary>Every source with the records in its dataset and its latest run, by name.</summary>
    public async Task<IReadOnlyList<SourceRow>> ListAsync(CancellationToken cancellationToken)
    {
        var views = await sources.ListAsync(cancellationToken);
        var counts = await db.Datasets.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.RecordCount, cancellationToken);
        var latest = await db.Runs.AsNoTracking()
            .Where(r => r.Kind == RunKind.Source && r.StartedAt == db.Runs.Where(o => o.ResourceId == r.ResourceId).Max(o => o.StartedAt))
            .ToListAsync(cancellationToken);
        var lastRuns = latest.GroupBy(r => r.ResourceId).ToDictionary(g => g.Key, g => SourceRunView.Of(g.First()));
        return views.Select(v => new SourceRow(v, counts.GetValueOrDefault(v.DatasetId), lastRuns.GetValueOrDefault(v.Id))).ToList();
    }

    /// <summary>The source's dataset (count, schema, sample) and latest runs; null when the source does not exist.</summary>
    public async Task<SourceActivityView?> ActivityAsync(string id, CancellationToken cancellationToken)
    {
        var source = await db.Sources.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.Kind, s.DatasetId, s.Status, s.NextRunAt }).FirstOrDefaultAsync(cancellationToken);
        if (source is null)
        {
            return null;
        }

        var dataset = await DatasetSnapshot.LoadAsync(db, source.DatasetId, SampleSize, cancellationToken);
        var runs = await db.Runs.AsNoTracking().Where(r => r.ResourceId == id)
            .OrderByDescending(r => r.StartedAt).Take(RunsShown).ToListAsync(cancellationToken);
        // An active source whose next run is due within seconds (just created or activated): the scheduler starts it on its next tick.
        var runDue = source.Kind == SourceKind.Api && source.Status == ResourceStatus.Active && runs.Count == 0
            && source.NextRunAt <= time.GetUtcNow().UtcDateTime.AddSeconds(5);
        return new SourceActivityView(dataset, runs.Select(SourceRunView.Of).ToList(), runDue);
    }
}

/// <summary>One line of the Sources list.</summary>
internal sealed record SourceRow(SourceView Source, long Records, SourceRunView? LastRun);

/// <summary>The source page's dataset and latest runs (newest first); <paramref name="RunDue"/> while the first run is about to start.</summary>
internal sealed record SourceActivityView(DatasetSnapshot? Dataset, IReadOnlyList<SourceRunView> Runs, bool RunDue);

/// <summary>A run of a source as its page lists it.</summary>
public sealed record SourceRunView(string Id, RunStatus Status, long RecordsRead, int Requests, string? Error, DateTime StartedAt, DateTime? FinishedAt)
{
    internal static SourceRunView Of(Run run) => new(run.Id, run.Status, run.RecordsRead, run.Requests, run.Error, run.StartedAt, run.FinishedAt);
}
