using System.Diagnostics;
using FlowStudio.Engine.Scripting;
using Xunit.Abstractions;

namespace FlowStudio.Engine.Tests.Scripting;

/// <summary>
/// Native work in a script costs its worker, never the calling process: after the hostile scripts, the workers that
/// broke a limit are gone, and this process's memory and CPU are back to what they were within seconds.
/// </summary>
[Collection(ScriptWorkerCollection.Name)]
public sealed class ScriptWorkerResourceTests(ITestOutputHelper output)
{
    private const long MaxParentGrowthBytes = 48L * 1024 * 1024;

    [Fact]
    public void CallFunction_NativeWorkScripts_ParentBackToNormalWithinSeconds()
    {
        var options = new ScriptOptions
        {
            Workers = 2,
            TimeoutInterval = TimeSpan.FromSeconds(2),
            RegexTimeoutInterval = TimeSpan.FromMinutes(10),
            WorkerMemoryLimit = 128L * 1024 * 1024,
            WorkerGrace = TimeSpan.FromMilliseconds(500),
            WorkerNiceness = 0,
        };
        using var sut = new ScriptWorkerPool(options, TimeProvider.System);
        sut.CallFunction(HostileScripts.Normal, "group", "[]");
        var before = ParentWorkingSet();
        var workers = new HashSet<int>(sut.IdleWorkerIds);

        foreach (var (name, code) in new[]
        {
            ("huge join", HostileScripts.HugeJoin),
            ("endless regex", HostileScripts.EndlessRegex),
            ("string doubling", HostileScripts.StringDoubling),
            ("one native call past the worker cap", HostileScripts.NativeBlowUp),
            ("84 MB output", HostileScripts.HugeOutput),
            ("push bomb", HostileScripts.PushBomb),
        })
        {
            var watch = Stopwatch.StartNew();
            var error = Assert.Throws<ScriptException>(() => sut.CallFunction(code, "group", "[]"));
            output.WriteLine($"{name}: stopped after {watch.ElapsedMilliseconds} ms: {error.Message}");
            workers.UnionWith(sut.IdleWorkerIds);
        }

        Assert.Equal("""{"records":[]}""", sut.CallFunction(HostileScripts.Normal, "group", "[]"));
        var settled = Stopwatch.StartNew();
        // The quietest of three seconds: other tests of this project may run beside this one in the same process.
        var idleCpu = Enumerable.Range(0, 3).Select(_ =>
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            Thread.Sleep(TimeSpan.FromSeconds(1));
            return Process.GetCurrentProcess().TotalProcessorTime - cpu;
        }).Min();
        var after = ParentWorkingSet();
        var live = sut.IdleWorkerIds.ToHashSet();
        var lingering = workers.Where(id => !live.Contains(id) && IsRunning(id)).ToList();
        output.WriteLine($"parent working set: {before / 1048576} MB before, {after / 1048576} MB after; CPU in the next second {idleCpu.TotalMilliseconds:N0} ms; settled in {settled.ElapsedMilliseconds} ms");

        Assert.Empty(lingering);
        Assert.True(after - before < MaxParentGrowthBytes, $"the parent grew from {before / 1048576} MB to {after / 1048576} MB");
        // A thread still spinning on a script's native work would use a whole core (1,000 ms a second); the test project's
        // own background work (JIT, GC, fixtures' servers) on a loaded two-core machine has reached 507 ms, never 800.
        Assert.True(idleCpu < TimeSpan.FromMilliseconds(800), $"the parent used {idleCpu.TotalMilliseconds} ms of CPU while idle");
    }

    private static long ParentWorkingSet()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.WaitForExit(TimeSpan.FromSeconds(2));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
