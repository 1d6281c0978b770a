using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Runs;

/// <summary>
/// The one place runs are created: Run now (API and screens), a source's schedule, an active destination with records
/// to deliver, and Retry failed records all start their runs here. A resource never has two runs at once, across every
/// instance on the store: the database holds at most one running run per resource.
/// </summary>
internal sealed class RunLauncher(FlowStudioDb db, RunDispatcher dispatcher, VersionRecorder versions, RunEvents events, TimeProvider time)
{
    /// <summary>
    /// Stores a run of the source or destination <paramref name="resourceId"/> (of that <paramref name="kind"/>) and hands
    /// it to the job scheduler. Whatever else the caller changed in this scope's database context is saved with it. When
    /// the resource already has a run queued or running, nothing is stored and that run is given. The run records the
    /// resource's version it starts with.
    /// </summary>
    /// <param name="automatic">Started by the engine (schedule, records to deliver) rather than by a user.</param>
    public async Task<RunStart> StartAsync(string resourceId, RunKind kind, bool automatic, CancellationToken cancellationToken)
    {
        if (await ActiveRunIdAsync(resourceId, cancellationToken) is { } active)
        {
            return new RunStart(active, Started: false);
        }

        var request = new RunRequest(ResourceIds.New("run"), resourceId, kind);
        var run = new Run
        {
            Id = request.RunId, ResourceId = resourceId, Kind = kind, Automatic = automatic, StartedAt = time.GetUtcNow().UtcDateTime,
            Version = await versions.CurrentAsync(resourceId, cancellationToken),
        };
        db.Runs.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance (or request) may have started one first: the unique index on running runs says no.
            db.Entry(run).State = EntityState.Detached;
            if (await ActiveRunIdAsync(resourceId, cancellationToken) is { } started)
            {
                return new RunStart(started, Started: false);
            }

            throw;
        }

        try
        {
            await dispatcher.DispatchAsync(request, cancellationToken);
        }
        catch
        {
            await RunProcessor.FinishAsync(db, run.Id, RunStatus.Failed, "The run could not be handed to the job scheduler.", time.GetUtcNow().UtcDateTime);
            throw;
        }

        events.Changed(request);
        return new RunStart(request.RunId, Started: true);
    }

    /// <summary>The run the resource has queued or running, if any.</summary>
    public Task<string?> ActiveRunIdAsync(string resourceId, CancellationToken cancellationToken) =>
        db.Runs.AsNoTracking().Where(r => r.ResourceId == resourceId && r.Status == RunStatus.Running).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The resources with a run queued or running, on any instance.</summary>
    public static async Task<HashSet<string>> RunningAsync(FlowStudioDb db, CancellationToken cancellationToken) =>
        [.. await db.Runs.AsNoTracking().Where(r => r.Status == RunStatus.Running).Select(r => r.ResourceId).ToListAsync(cancellationToken)];
}

/// <summary>The run that was started, or (<paramref name="Started"/> false) the one the resource already had.</summary>
internal sealed record RunStart(string RunId, bool Started);
