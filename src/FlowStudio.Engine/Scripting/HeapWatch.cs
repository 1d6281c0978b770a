namespace FlowStudio.Engine.Scripting;

/// <summary>
/// Watches growth of the managed heap while one script runs. The heap is process-wide and includes garbage, so a
/// cheap reading above the limit is confirmed by a full blocking collection (at most every 100 ms) before the
/// script is blamed. Garbage present at the start only makes the limit looser, never stricter.
/// </summary>
internal sealed class HeapWatch(long limitBytes, TimeProvider time)
{
    private static readonly TimeSpan ConfirmInterval = TimeSpan.FromMilliseconds(100);
    private readonly long _baseline = GC.GetTotalMemory(forceFullCollection: false);
    private long _lastConfirm;

    public long GrowthBytes => GC.GetTotalMemory(forceFullCollection: false) - _baseline;

    public bool IsOverLimit()
    {
        if (GrowthBytes <= limitBytes)
        {
            return false;
        }

        if (_lastConfirm != 0 && time.GetElapsedTime(_lastConfirm) < ConfirmInterval)
        {
            return false;
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        _lastConfirm = time.GetTimestamp();
        return GrowthBytes > limitBytes;
    }
}
