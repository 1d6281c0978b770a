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
    public async Task CallFunctionAsync_ArrayJoinGrowth_StoppedWithMemoryMessage()
    {
        // The classic form: every string is built by a slow join, so a smaller limit keeps the test short.
        const string code = "function group(b) {\n  var a = [];\n  while (true) a.push(new Array(100000).join('x'));\n}";
        var sut = new JintScriptEvaluator(
            new ScriptLimits { Timeout = TimeSpan.FromSeconds(30), MaxStatements = int.MaxValue, MemoryBytes = 4L * 1024 * 1024 },
            TimeProvider.System);

        var error = await Assert.ThrowsAsync<ScriptException>(() => sut.CallFunctionAsync(code, "group", "[]"));

        Assert.Equal(ScriptErrorKind.MemoryLimit, error.Kind);
        Assert.Contains("more than 4 MB of memory", error.Message);
    }

    [Fact]
    public void CallFunction_GarbageOnly_IsNotStopped()
    {
        // About 200 MB of short-lived strings: the heap fills with garbage, which a full collection clears.
        const string code = """
            function group(b) {
              var s = 'xxxxxxxxxx';
              while (s.length < 100000) { s = s + s; }
              var n = 0;
              for (var i = 0; i < 1000; i++) { n += (s + i).length; }
              return n;
            }
            """;
        var sut = new JintScriptEvaluator(
            new ScriptLimits { Timeout = TimeSpan.FromSeconds(30), MaxStatements = int.MaxValue, MemoryBytes = 8L * 1024 * 1024 },
            TimeProvider.System);

        Assert.NotNull(sut.CallFunction(code, "group", "[]"));
    }
}

[CollectionDefinition(ScriptMemoryLimitTests.Name, DisableParallelization = true)]
public sealed class ScriptMemoryCollection;
