
namespace FlowStudio.Application.Runs;

/// <summary>
/// The one place runs are created: Run now (API and screens), a source's schedule, an active destination with records
/// to deliver, and Retry failed records all start their runs here. A resource never has two runs at once.
/// </summary>
internal sealed class RunLauncher(FlowStudioDb db, RunQueue queue, VersionRecorder versions, RunEvents events, TimeProvider time)
{
    /// <summary>
    /// Stores a run of the source or destination <paramref name="resourceId"/> (of that <paramref name="kind"/>) and queues
    /// it for the engine. Whatever else the caller changed in this scope's database context is saved with it. When the
    /// resource already has a run queued or running, nothing is stored and that run is given. The run records the
    /// resource's version it starts with.
    /// </summary>
    /// <param name="automatic">Started by the engine (schedule, records to deliver) rather than by a user.</param>
    public async Task<RunStart> StartAsync(string resourceId, RunKind kind, bool automatic, CancellationToken cancellationToken)
    {
        var request = new RunRequest(ResourceIds.New("run"), resourceId, kind);
        if (!queue.TryReserve(request, out var active))
        {
            return new RunStart(active, Started: false);
        }

        try
        {
            var version = await versions.CurrentAsync(resourceId, cancellationToken);
            db.Runs.Add(new Run
            {
                Id = request.RunId, ResourceId = resourceId, Kind = kind, Automatic = automatic, StartedAt = time.GetUtcNow().UtcDateTime, Version = version,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            queue.Release(request);
            throw;
        }

        queue.Enqueue(request);
        events.Changed(request);
        return new RunStart(request.RunId, Started: true);
    }
}

/// <summary>The run that was started, or (<paramref name="Started"/> false) the one the resource already had.</summary>
internal sealed record RunStart(string RunId, bool Started);
