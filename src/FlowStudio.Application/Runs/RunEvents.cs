using System.Collections.Concurrent;

namespace FlowStudio.Application.Runs;

/// <summary>
/// Tells open pages about runs through <see cref="FlowEvents"/>: queued, started, progressing and finished. Progress is
/// passed on at most once per <see cref="ProgressInterval"/> for each run, so a fast run does not flood the circuits
/// with re-reads; queued, started and finished always are.
/// </summary>
internal sealed class RunEvents(FlowEvents events, TimeProvider time)
{
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<string, long> _lastProgress = new();

    /// <summary>The run was queued or started.</summary>
    public void Changed(RunRequest run) => Publish(run);

    /// <summary>The run's counts changed (and are saved).</summary>
    public void Progressed(RunRequest run)
    {
        var now = time.GetTimestamp();
        if (_lastProgress.TryGetValue(run.RunId, out var last) && time.GetElapsedTime(last, now) < ProgressInterval)
        {
            return;
        }

        _lastProgress[run.RunId] = now;
        Publish(run);
    }

    /// <summary>The run ended (succeeded, failed or cancelled) and its outcome is saved.</summary>
    public void Finished(RunRequest run)
    {
        _lastProgress.TryRemove(run.RunId, out _);
        Publish(run);
    }

    private void Publish(RunRequest run) => events.Publish(new FlowChange(FlowChangeKind.Run, run.ResourceId, run.RunId));
}
