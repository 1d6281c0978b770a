using System.Diagnostics;
using System.Globalization;

namespace FlowStudio.Bench;

/// <summary>What one delivery pass cost: wall time, CPU (and the JIT's part), managed allocations, and the process's peak working set after it.</summary>
internal sealed record Phase(string Name, long Records, TimeSpan Elapsed, TimeSpan Cpu, TimeSpan GcPause, long AllocatedBytes, long PeakWorkingSet, long Jitted, TimeSpan JitTime)
{
    public double RecordsPerSecond => Records / Elapsed.TotalSeconds;

    public static async Task<Phase> MeasureAsync(string name, long records, Func<Task> deliver)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var self = Process.GetCurrentProcess();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = self.TotalProcessorTime;
        var paused = GC.GetTotalPauseDuration();
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTime = System.Runtime.JitInfo.GetCompilationTime();
        var watch = Stopwatch.StartNew();
        await deliver();
        watch.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        self.Refresh();
        return new Phase(name, records, watch.Elapsed, self.TotalProcessorTime - cpu, GC.GetTotalPauseDuration() - paused, allocated, self.PeakWorkingSet64,
            System.Runtime.JitInfo.GetCompiledMethodCount() - jitted, System.Runtime.JitInfo.GetCompilationTime() - jitTime);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-12} {Records:N0} records in {Elapsed.TotalSeconds:0.00} s = {RecordsPerSecond:N0} records/s; " +
        $"CPU {Cpu.TotalSeconds:0.00} s (JIT {JitTime.TotalSeconds:0.00} s, {Jitted:N0} methods), GC pauses {GcPause.TotalSeconds:0.00} s, allocated {AllocatedBytes / (double)Records:N0} B/record (this process: sandbox included when in-process); " +
        $"peak working set so far {Megabytes(PeakWorkingSet)}");

    public static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0} MB");
}
