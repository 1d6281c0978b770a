namespace FlowStudio.Application.Destinations;

/// <summary>
/// Coalesces pushed changes: a run reports progress many times a second, and a page needs to read what it shows again
/// only once per <paramref name="delay"/>, after the burst (so it also never reads twice at once).
/// </summary>
internal sealed class RefreshThrottle(TimeSpan delay)
{
    private int _pending;

    /// <summary>Runs <paramref name="refresh"/> after the delay, unless a refresh is already waiting (it will show this change too).</summary>
    public async Task RunAsync(Func<Task> refresh)
    {
        if (Interlocked.Exchange(ref _pending, 1) == 1)
        {
            return;
        }

        await Task.Delay(delay);
        Volatile.Write(ref _pending, 0);
        await refresh();
    }
}
