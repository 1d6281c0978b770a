using System.Diagnostics;
using FlowStudio.Engine.Scripting;

namespace FlowStudio.Engine.Tests.Scripting;

/// <summary>
/// The memory limit watches the process-wide heap, so these tests run alone: a script growing the heap by
/// 64 MB would otherwise also stop short scripts other tests run at the same moment.
/// </summary>
[Collection(Name)]
public sealed class ScriptMemoryLimitTests
{
    public const string Name = "script memory";

    [Fact]
    public void CallFunction_MemoryGrowth_StoppedWithMemoryMessage()
    {
        // Each push keeps a new ~2 MB string alive, so the heap passes 64 MB within a few dozen statements.
        // (The classic a.push(new Array(100000).join('x')) grows the same way but needs ~20 s in Jint 2.10.4,
        // whose join walks the sparse array one index at a time.)
        const string code = """
            function group(b) {
              var s = 'xxxxxxxxxx';
              while (s.length < 1000000) { s = s + s; }
              var a = [];
              while (true) { a.push(s + a.length); }
            }
            """;
        var sut = new JintScriptEvaluator(
            new ScriptLimits { Timeout = TimeSpan.FromSeconds(30), MaxStatements = int.MaxValue }, TimeProvider.System);
        var watch = Stopwatch.StartNew();

        var error = Assert.Throws<ScriptException>(() => sut.CallFunction(code, "group", "[]"));

        Assert.Equal(ScriptErrorKind.MemoryLimit, error.Kind);
        Assert.Contains("more than 64 MB of memory", error.Message);
        Assert.Equal(5, error.Line);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
    }

    [Fact]
    public void CallFunction_GarbageOnly_IsNotStopped()
    {
        // About 600 MB of short-lived 2 MB strings: the heap fills with garbage, which a full collection clears.
        const string code = """
            function group(b) {
              var s = 'xxxxxxxxxx';
              while (s.length < 1000000) { s = s + s; }
              var n = 0;
              for (var i = 0; i < 300; i++) { n += (s + i).length; }
              return n;
            }
            """;
        var sut = new JintScriptEvaluator(
            new ScriptLimits { Timeout = TimeSpan.FromSeconds(30), MaxStatements = int.MaxValue }, TimeProvider.System);

        Assert.NotNull(sut.CallFunction(code, "group", "[]"));
    }
}

[CollectionDefinition(ScriptMemoryLimitTests.Name, DisableParallelization = true)]
public sealed class ScriptMemoryCollection;
