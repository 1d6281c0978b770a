using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Syncs;

/// <summary>
/// Runs a sync: the initial import (its first run), a pull with push (Run now, the pull schedule) or a push only (the
/// poll of ClientSuccess found changes). The record pairs made are kept even when a call fails midway, so a record is
/// never created twice; the report goes with the run.
/// </summary>
internal sealed class SyncRunExecutor(FlowStudioDb db, SyncEngine engine, RunEvents events, TimeProvider time) : IRunExecutor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public RunKind Kind => RunKind.Sync;

    public async Task ExecuteAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var run = await db.Runs.FirstAsync(r => r.Id == request.RunId, cancellationToken);
        var sync = await db.Syncs.FirstAsync(s => s.Id == request.ResourceId, cancellationToken);
        var importing = sync.ImportedAt is null;
        var pulled = Pulled(sync, importing);
        sync.PullRequested = false;
        var pass = engine.Start(sync, write: true);
        try
        {
            await pass.RunAsync(pulled, cancellationToken);
            sync.PushCursor = pass.PushCursor;
            sync.ImportedAt ??= time.GetUtcNow().UtcDateTime;
            await FinishAsync(run, pass, RunStatus.Succeeded, null, cancellationToken);
        }
        catch (SyncCallException ex)
        {
            await FinishAsync(run, pass, RunStatus.Failed, ex.Message, CancellationToken.None);
        }

        events.Progressed(request);
    }

    // What the run pulls: everything for the import or Run now, the objects whose own poll schedule came due for a scheduled
    // pull, nothing for a push; the marks are cleared with the run.
    private static IReadOnlySet<SyncObject> Pulled(Sync sync, bool importing)
    {
        var marked = new HashSet<SyncObject>();
        foreach (var obj in Enum.GetValues<SyncObject>())
        {
            if (SyncObjectConfig.Of(sync, obj) is { PullDue: true } config)
            {
                marked.Add(obj);
                SyncObjectConfig.Store(sync, obj, config with { PullDue = false });
            }
        }

        return importing || (sync.PullRequested && marked.Count == 0) ? new HashSet<SyncObject>(Enum.GetValues<SyncObject>())
            : sync.PullRequested ? marked
            : new HashSet<SyncObject>();
    }

    private async Task FinishAsync(Run run, SyncPassRun pass, RunStatus status, string? error, CancellationToken cancellationToken)
    {
        var report = pass.Report;
        run.RecordsRead = report.Read;
        run.RecordsSent = report.Written;
        run.RecordsFailed = report.FailedCount;
        run.Requests = pass.Requests;
        run.Status = status;
        run.Error = error;
        run.FinishedAt = time.GetUtcNow().UtcDateTime;
        db.SyncRunReports.Add(new SyncRunReport { RunId = run.Id, SyncId = run.ResourceId, ReportJson = JsonSerializer.Serialize(report.Build(), Json) });
        await db.SaveChangesAsync(cancellationToken);
    }
}
