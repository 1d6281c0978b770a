namespace FlowStudio.Engine.Scripting;

/// <summary>
/// Watches growth of the managed heap while one script runs. The heap is process-wide and holds garbage, so:
/// the baseline is the live heap measured by a full collection (shared by all runs) plus everything allocated
/// since, capped by the heap size at the start, and it is measured again when that allocation exceeds half
/// the limit (so busy processes pay one full collection per half-limit of allocation, not one per run); and a
/// cheap reading above the limit is confirmed by a full blocking collection (at most every 100 ms per run)
/// before the script is blamed.
/// Live memory other code gains while the script runs also counts, so a limit well above a script's real
/// needs (the default 64 MB) is what keeps other work from tripping it.
/// </summary>
internal sealed class HeapWatch
{
    private static readonly TimeSpan ConfirmInterval = TimeSpan.FromMilliseconds(100);
    private static readonly Lock Gate = new();
    private static long _liveBytes;
    private static long _allocatedAtMeasure;
    private static long _measuredAt;

    private readonly long _limitBytes;
    private readonly TimeProvider _time;
    private readonly long _baseline;
    private long _lastConfirm;

    public HeapWatch(long limitBytes, TimeProvider time)
    {
        _limitBytes = limitBytes;
        _time = time;
        _baseline = Baseline(limitBytes, time);
    }

    private long Growth => GC.GetTotalMemory(forceFullCollection: false) - _baseline;

    public bool IsOverLimit()
    {
        if (Growth <= _limitBytes)
        {
            return false;
        }

        if (_lastConfirm != 0 && _time.GetElapsedTime(_lastConfirm) < ConfirmInterval)
        {
            return false;
        }

        Measure(_time);
        _lastConfirm = _time.GetTimestamp();
        return Growth > _limitBytes;
    }

    private static long Baseline(long limitBytes, TimeProvider time)
    {
        lock (Gate)
        {
            if (_measuredAt == 0 || AllocatedSinceMeasure > limitBytes / 2)
            {
                Measure(time);
            }

            // Live memory can only have grown by what was allocated since the measure.
            return Math.Min(GC.GetTotalMemory(forceFullCollection: false), _liveBytes + AllocatedSinceMeasure);
        }
    }

    private static long AllocatedSinceMeasure => GC.GetTotalAllocatedBytes(precise: false) - _allocatedAtMeasure;

    private static void Measure(TimeProvider time)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        lock (Gate)
        {
            _liveBytes = GC.GetTotalMemory(forceFullCollection: false);
            _allocatedAtMeasure = GC.GetTotalAllocatedBytes(precise: false);
            _measuredAt = time.GetTimestamp();
        }
    }
}
