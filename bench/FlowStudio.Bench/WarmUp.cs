using System.Globalization;

namespace FlowStudio.Bench;

/// <summary>
/// Warm-up rounds that do not count, as on a server that has been running a while: the runtime's tiered JIT keeps compiling
/// the product's code (several thousand methods, each recompiled as it gets hot) for dozens of runs, on the same two cores
/// the measured pass uses, while the raw loop's few methods are done after one pass. Rounds go on until a product pass's JIT
/// time is under <see cref="SettledShare"/> of its CPU time, or <see cref="MaxRounds"/> rounds. Where the product can, it
/// first makes <see cref="SmallRuns"/> small runs, so code that runs once per run is compiled for good too.
/// </summary>
internal static class WarmUp
{
    public const int SmallRuns = 40;
    public const int MaxRounds = 30;
    private const double SettledShare = 0.03;

    public static async Task RunAsync(Func<Task<Phase>> product, Func<Task> raw)
    {
        for (var round = 1; round <= MaxRounds; round++)
        {
            var phase = await product();
            await raw();
            var share = phase.JitTime / phase.Cpu;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warm-up {round}: product {phase.RecordsPerSecond:N0} records/s, JIT {phase.JitTime.TotalSeconds:0.00} s of {phase.Cpu.TotalSeconds:0.00} s CPU"));
            if (share < SettledShare)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Waits until the JIT has compiled nothing for a while (at most 2 s). A sandbox reset runs code that runs only then;
    /// its tier-up is compiled in the background after a delay, and would otherwise land in the pass that follows.
    /// </summary>
    public static async Task JitQuietAsync()
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (waited.Elapsed < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(150); // longer than the tiered JIT's 100 ms delay before it recompiles
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == compiled)
            {
                return;
            }

            compiled = now;
        }
    }
}
