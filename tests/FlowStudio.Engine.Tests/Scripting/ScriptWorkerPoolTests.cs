using System.Diagnostics;
using FlowStudio.Engine.Scripting;

namespace FlowStudio.Engine.Tests.Scripting;

/// <summary>
/// Hostile scripts through the worker processes: each is stopped, the user sees the limit (and the line where Jint
/// knows it), and the pool serves a normal script right after.
/// </summary>
[Collection(ScriptWorkerCollection.Name)]
public sealed class ScriptWorkerPoolTests
{
    private const string Records = """[{"id":1},{"id":2}]""";

    private static ScriptWorkerPool CreateSut(Action<ScriptOptions>? configure = null)
    {
        // Same priority as the tests: on a shared, busy machine a niced worker is starved and every limit becomes the time limit.
        var options = new ScriptOptions { Workers = 1, WorkerGrace = TimeSpan.FromMilliseconds(500), WorkerNiceness = 0 };
        configure?.Invoke(options);
        return new ScriptWorkerPool(options, TimeProvider.System);
    }

    private static void AssertStillServes(ScriptWorkerPool sut) =>
        Assert.Equal("""{"records":[{"id":"cs-1"},{"id":"cs-2"}]}""", sut.CallFunction(HostileScripts.Normal, "group", Records));

    private static (ScriptException Error, TimeSpan Elapsed) Fail(ScriptWorkerPool sut, string code)
    {
        sut.CallFunction("function group(b) { return 1; }", "group", "[]"); // warm: time the script, not the start
        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<ScriptException>(() => sut.CallFunction(code, "group", Records));
        return (error, watch.Elapsed);
    }

    [Fact]
    public void CallFunction_ModernGroupScript_ReturnsTheBody()
    {
        using var sut = CreateSut();

        AssertStillServes(sut);
        Assert.Null(sut.CallFunction("function group(b) { }", "group", "[]"));
    }

    [Fact]
    public void CallFunction_EndlessLoop_StoppedByTimeLimitNamingTheLine()
    {
        using var sut = CreateSut(o => (o.MaxStatements, o.TimeoutInterval) = (int.MaxValue, TimeSpan.FromMilliseconds(500)));

        var (error, elapsed) = Fail(sut, HostileScripts.EndlessLoop);

        Assert.Equal("Code: Time limit 500 ms reached at line 2: the script was stopped", error.Message);
        Assert.True(elapsed < TimeSpan.FromSeconds(3), $"took {elapsed}");
        AssertStillServes(sut);
    }

    [Fact]
    public void CallFunction_HugeJoin_StoppedByMemoryLimit()
    {
        using var sut = CreateSut(o => o.TimeoutInterval = TimeSpan.FromSeconds(30));

        var (error, elapsed) = Fail(sut, HostileScripts.HugeJoin);

        Assert.Equal("Code: Memory limit 64 MB reached at line 2: the script was stopped", error.Message);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
        AssertStillServes(sut);
    }

    [Fact]
    public void CallFunction_CatastrophicRegex_StoppedByRegexTimeLimit()
    {
        using var sut = CreateSut();

        var (error, elapsed) = Fail(sut, HostileScripts.CatastrophicRegex);

        Assert.Equal(ScriptErrorKind.Timeout, error.Kind);
        Assert.StartsWith("Code: Regex time limit 1 s reached at line 2", error.Message);
        Assert.True(elapsed < TimeSpan.FromSeconds(4), $"took {elapsed}");
        AssertStillServes(sut);
    }

    [Fact]
    public void CallFunction_NativeCallPastTheDeadline_WorkerKilledAndReplaced()
    {
        // A regex allowed to run for 10 minutes is one native call Jint cannot interrupt: the parent kills the worker.
        using var sut = CreateSut(o => (o.TimeoutInterval, o.RegexTimeoutInterval) = (TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)));
        sut.CallFunction("function group(b) { return 1; }", "group", "[]");
        var worker = Assert.Single(sut.IdleWorkerIds);

        var (error, elapsed) = Fail(sut, HostileScripts.EndlessRegex);

        Assert.Equal("Code: Time limit 1 s reached: the script was stopped", error.Message);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"took {elapsed}"); // killed at 1.5 s; the rest is a busy shared machine
        Assert.True(HasExited(worker), "the worker still runs");
        AssertStillServes(sut);
    }

    [Fact]
    public void CallFunction_StringDoubling_StoppedByMemoryLimit()
    {
        using var sut = CreateSut(o => (o.MaxStatements, o.TimeoutInterval) = (int.MaxValue, TimeSpan.FromSeconds(30)));

        var (error, elapsed) = Fail(sut, HostileScripts.StringDoubling);

        Assert.Equal("Code: Memory limit 64 MB reached at line 3: the script was stopped", error.Message);
        Assert.True(elapsed < TimeSpan.FromSeconds(3), $"took {elapsed}");
        AssertStillServes(sut);
    }

    [Fact]
    public void CallFunction_OneNativeCallPastTheWorkerCap_StoppedByMemoryLimit()
    {
        using var sut = CreateSut(o => (o.WorkerMemoryLimit, o.TimeoutInterval) = (128L * 1024 * 1024, TimeSpan.FromSeconds(30)));

        var (error, elapsed) = Fail(sut, HostileScripts.NativeBlowUp);

        Assert.Equal(ScriptErrorKind.MemoryLimit, error.Kind);
        Assert.StartsWith("Code: Memory limit 64 MB reached", error.Message);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
        AssertStillServes(sut);
    }

    [Fact]
    public void CallFunction_PushBomb_StoppedByMemoryLimit()
    {
        using var sut = CreateSut(o => (o.MaxStatements, o.TimeoutInterval) = (int.MaxValue, TimeSpan.FromSeconds(30)));

        var (error, _) = Fail(sut, HostileScripts.PushBomb);

        Assert.Equal("Code: Memory limit 64 MB reached at line 3: the script was stopped", error.Message);
        AssertStillServes(sut);
    }

    [Fact]
    public void CallFunction_DeepRecursion_StoppedByRecursionLimit()
    {
        using var sut = CreateSut();

        var (error, _) = Fail(sut, HostileScripts.DeepRecursion);

        Assert.Equal("Code: Recursion limit 64 reached at line 2: function calls were nested too deep and the script was stopped", error.Message);
        AssertStillServes(sut);
    }

    [Fact]
    public void CallFunction_InfiniteRecursionPastTheStack_StoppedWithoutCrashingTheWorker()
    {
        // With a recursion limit too high for the stack, Jint's stack-overflow guard stops it instead.
        using var sut = CreateSut(o => o.LimitRecursion = 10_000);
        sut.CallFunction("function group(b) { return 1; }", "group", "[]");
        var worker = Assert.Single(sut.IdleWorkerIds);

        var error = Assert.Throws<ScriptException>(() => sut.CallFunction(HostileScripts.InfiniteRecursion, "group", "[]"));

        Assert.True(error.Message.Contains("call stack", StringComparison.OrdinalIgnoreCase) || error.Kind == ScriptErrorKind.RecursionLimit, error.Message);
        Assert.Equal(worker, Assert.Single(sut.IdleWorkerIds));
        AssertStillServes(sut);
    }

    [Fact]
    public void CallFunction_HugeOutput_StoppedByALimit()
    {
        using var sut = CreateSut(o => o.TimeoutInterval = TimeSpan.FromSeconds(30));

        var (error, elapsed) = Fail(sut, HostileScripts.HugeOutput);

        Assert.Contains(error.Kind, new[] { ScriptErrorKind.OutputLimit, ScriptErrorKind.MemoryLimit });
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
        AssertStillServes(sut);
    }

    [Fact]
    public void CallFunction_OutputPastTheLimit_StoppedWithOutputMessage()
    {
        using var sut = CreateSut();

        var (error, _) = Fail(sut, "function group(b) { return 'x'.repeat(9 * 1024 * 1024); }");

        Assert.Equal("Code: Output limit 8 MB reached: the function's result is larger than that and the script was stopped", error.Message);
        AssertStillServes(sut);
    }

    [Fact]
    public void CheckSyntax_FiftyThousandNestedParentheses_RefusedNamingTheLine()
    {
        using var sut = CreateSut();

        var problem = sut.CheckSyntax(HostileScripts.NestedParentheses(50_000));

        Assert.Equal(ScriptErrorKind.Syntax, problem?.Kind);
        Assert.StartsWith("Code: SyntaxError at line 2, column 137: brackets are nested more than 128 deep", problem?.Message);
        Assert.Throws<ScriptException>(() => sut.CallFunction(HostileScripts.NestedParentheses(50_000), "group", "[]"));
        AssertStillServes(sut);
    }

    [Fact]
    public void CheckSyntax_NestingThePrescanCannotSee_RefusedByTheWorker()
    {
        using var sut = CreateSut();

        var problem = sut.CheckSyntax("function group(b) {\n  return " + new string('!', 50_000) + "b;\n}");

        Assert.Equal(ScriptErrorKind.Syntax, problem?.Kind);
        Assert.Null(sut.CheckSyntax(HostileScripts.Normal));
        AssertStillServes(sut);
    }

    [Theory]
    [InlineData("importNamespace('System.IO')")]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    public void CallFunction_ClrAccess_FailsAsReferenceError(string expression)
    {
        using var sut = CreateSut();

        var (error, _) = Fail(sut, $"function group(b) {{\n  return {expression};\n}}");

        Assert.Equal("ReferenceError", error.ErrorName);
        Assert.Equal(2, error.Line);
        AssertStillServes(sut);
    }

    [Fact]
    public async Task CallFunctionAsync_Cancelled_StopsTheScriptAndKeepsTheWorker()
    {
        await AssertCancelKeepsTheWorkerAsync((sut, token) => sut.CallFunctionAsync(HostileScripts.EndlessLoop, "group", "[]", token));
    }

    [Fact]
    public void CallFunction_CancelledDuringANativeCall_WorkerKilledAfterTheGrace()
    {
        using var sut = CreateSut(o => (o.TimeoutInterval, o.RegexTimeoutInterval) = (TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10)));
        sut.CallFunction("function group(b) { return 1; }", "group", "[]");
        var worker = Assert.Single(sut.IdleWorkerIds);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            sut.CallFunction(HostileScripts.EndlessRegex, "group", "[]", cancellation.Token));

        // The regex alone would run for its 10-minute limit: ending within seconds (on a loaded machine) means the worker was killed.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.True(HasExited(worker), "the worker still runs");
        AssertStillServes(sut);
    }

    [Fact]
    public async Task CallEachAsync_OneCallFails_EveryOutcomeInOrderAndTheOthersRun()
    {
        using var sut = CreateSut(o => o.Workers = 2);
        const string code = "function group(b) { if (b[0].id === 2) { throw new Error('no ' + b[0].id); } return b.map(r => r.id * 10); }";

        var outcomes = await sut.CallEachAsync(code, "group", [.. Enumerable.Range(1, 5).Select(i => $"[{{\"id\":{i}}}]")]);

        Assert.Equal(["[10]", null, "[30]", "[40]", "[50]"], outcomes.Select(o => o.Json));
        var error = Assert.Single(outcomes, o => o.Error is not null).Error!;
        Assert.StartsWith("Code: Error at line 1", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(": no 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, sut.IdleWorkerIds.Count);
    }

    [Fact]
    public async Task CallEachAsync_EachCallTakesMostOfTheTimeLimit_NoneIsStopped()
    {
        // Four calls of 600 ms in one message to one worker: 2.4 s in all, past one call's 1 s limit and its grace.
        // Date.now() allocates, and Jint counts every byte a run allocates: the memory limit is raised out of the way.
        using var sut = CreateSut(o => (o.TimeoutInterval, o.MaxStatements, o.LimitMemory, o.WorkerMemoryLimit) = (TimeSpan.FromSeconds(1), int.MaxValue, 1L << 30, 3L << 29));
        const string code = "function group(b) { const end = Date.now() + 600; while (Date.now() < end) { } return b.length; }";
        sut.CallFunction("function group(b) { return 1; }", "group", "[]");
        var worker = Assert.Single(sut.IdleWorkerIds);

        var outcomes = await sut.CallEachAsync(code, "group", ["[1]", "[1,2]", "[1,2,3]", "[1,2,3,4]"]);

        Assert.Equal(["1", "2", "3", "4"], outcomes.Select(o => o.Error?.Message ?? o.Json));
        Assert.Equal(worker, Assert.Single(sut.IdleWorkerIds));
    }

    [Fact]
    public async Task CallEachAsync_NativeCallPastTheDeadlineAmongFastCalls_StoppedOnItsOwnDeadlineAndTheOthersAnswered()
    {
        // Twenty quick calls, then a regex Jint cannot interrupt: the worker is killed one time limit (and the grace) after that
        // call began, not after twenty-one. The calls it had not answered run again one by one, so the regex is stopped a
        // second time, on its own, and the call after it runs.
        using var sut = CreateSut(o => (o.TimeoutInterval, o.RegexTimeoutInterval) = (TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)));
        const string code = "function group(b) {\n  return b.length ? b.length : /^(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!');\n}";
        sut.CallFunction("function group(b) { return 1; }", "group", "[]");
        var watch = Stopwatch.StartNew();

        var outcomes = await sut.CallEachAsync(code, "group", [.. Enumerable.Repeat("[1]", 20), "[]", "[1,2]"]);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(8), $"took {watch.Elapsed}");
        Assert.Equal([.. Enumerable.Repeat("1", 20), null, "2"], outcomes.Select(o => o.Json));
        Assert.Equal("Code: Time limit 1 s reached: the script was stopped", outcomes[20].Error!.Message);
        AssertStillServes(sut);
    }

    [Fact]
    public async Task CallEachAsync_EndlessLoopBetweenNormalCalls_OnlyThatCallStopped()
    {
        using var sut = CreateSut(o => (o.MaxStatements, o.TimeoutInterval) = (int.MaxValue, TimeSpan.FromMilliseconds(500)));

        const string code = "function group(records) {\n  if (records.length === 0) { while (true) { } }\n  return { records: records.map(({ id }) => ({ id: `cs-${id}` })) };\n}";

        var outcomes = await sut.CallEachAsync(code, "group", [Records, "[]", Records]);

        Assert.Equal("""{"records":[{"id":"cs-1"},{"id":"cs-2"}]}""", outcomes[0].Json);
        Assert.Equal("Code: Time limit 500 ms reached at line 2: the script was stopped", outcomes[1].Error!.Message);
        Assert.Equal(outcomes[0].Json, outcomes[2].Json);
        AssertStillServes(sut);
    }

    [Fact]
    public async Task CallEachAsync_Cancelled_StopsTheCallsAndKeepsTheWorker()
    {
        await AssertCancelKeepsTheWorkerAsync((sut, token) => sut.CallEachAsync(HostileScripts.EndlessLoop, "group", ["[]", "[]", "[]"], token));
    }

    // An endless loop cancelled after 200 ms: the call ends within 2 s and the same worker serves the next call.
    private static async Task AssertCancelKeepsTheWorkerAsync(Func<ScriptWorkerPool, CancellationToken, Task> call)
    {
        using var sut = CreateSut(o => (o.TimeoutInterval, o.MaxStatements) = (TimeSpan.FromSeconds(30), int.MaxValue));
        sut.CallFunction("function group(b) { return 1; }", "group", "[]");
        var worker = Assert.Single(sut.IdleWorkerIds);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            call(sut, cancellation.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Equal(worker, Assert.Single(sut.IdleWorkerIds));
        AssertStillServes(sut);
    }

    private static bool HasExited(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.WaitForExit(TimeSpan.FromSeconds(2));
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
