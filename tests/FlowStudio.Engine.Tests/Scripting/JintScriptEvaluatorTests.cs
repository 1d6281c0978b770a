using System.Diagnostics;
using FlowStudio.Engine.Scripting;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Tests.Scripting;

public sealed class JintScriptEvaluatorTests
{
    private static JintScriptEvaluator CreateSut(ScriptLimits? limits = null) =>
        new(limits ?? new ScriptLimits(), TimeProvider.System);

    [Fact]
    public void CallFunction_GroupReturnsObject_ReturnsItAsJson()
    {
        const string code = """
            function group(records) {
              return { records: records.map(function (r) { return { id: r.id, name: r.name.toUpperCase() }; }),
                       count: records.length };
            }
            """;

        var json = CreateSut().CallFunction(code, "group", """[{"id":1,"name":"acme"},{"id":2,"name":"globex"}]""");

        var body = JObject.Parse(json!);
        Assert.Equal(2, (int)body["count"]!);
        Assert.Equal("GLOBEX", (string?)body["records"]![1]!["name"]);
    }

    [Fact]
    public async Task CallFunctionAsync_GroupReturnsArray_ReturnsItAsJson()
    {
        var json = await CreateSut().CallFunctionAsync(
            "function group(b) { return [{ sourceEntity: 'account', records: b }]; }", "group", "[{\"id\":\"a\"}]");

        Assert.Equal("""[{"sourceEntity":"account","records":[{"id":"a"}]}]""", json);
    }

    [Fact]
    public void CallFunction_FunctionReturnsUndefined_ReturnsNull()
    {
        Assert.Null(CreateSut().CallFunction("function group(b) { }", "group", "[]"));
    }

    [Fact]
    public void CallFunction_FunctionMissing_SaysWhatToDefine()
    {
        var error = Assert.Throws<ScriptException>(() => CreateSut().CallFunction("var x = 1;", "group", "[]"));

        Assert.Equal(ScriptErrorKind.InvalidResult, error.Kind);
        Assert.Contains("function group", error.Message);
    }

    [Fact]
    public void CallFunction_InfiniteLoop_StoppedWithinTheLimit()
    {
        var limits = new ScriptLimits { Timeout = TimeSpan.FromMilliseconds(500) };
        var watch = Stopwatch.StartNew();

        var error = Assert.Throws<ScriptException>(() =>
            CreateSut(limits).CallFunction("function group(b) { while (true) { } }", "group", "[]"));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        Assert.Contains(error.Kind, new[] { ScriptErrorKind.Timeout, ScriptErrorKind.StatementLimit });
        Assert.Equal(1, error.Line);
        Assert.StartsWith("Code: ", error.Message);
    }

    [Fact]
    public void CallFunction_LoopPastStatementLimit_StoppedWithStatementMessage()
    {
        var limits = new ScriptLimits { MaxStatements = 10_000, Timeout = TimeSpan.FromSeconds(30) };

        var error = Assert.Throws<ScriptException>(() =>
            CreateSut(limits).CallFunction("function group(b) {\n  var i = 0;\n  while (true) { i++; }\n}", "group", "[]"));

        Assert.Equal(ScriptErrorKind.StatementLimit, error.Kind);
        Assert.Contains("more than 10,000 statements", error.Message);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void CallFunction_TopLevelLoop_StoppedByTimeout()
    {
        var limits = new ScriptLimits { Timeout = TimeSpan.FromMilliseconds(300), MaxStatements = int.MaxValue };

        var error = Assert.Throws<ScriptException>(() =>
            CreateSut(limits).CallFunction("while (true) { }\nfunction group(b) { return b; }", "group", "[]"));

        Assert.Equal(ScriptErrorKind.Timeout, error.Kind);
        Assert.Contains("longer than 300 ms", error.Message);
    }

    [Fact]
    public void CallFunction_DeepRecursion_StoppedWithRecursionMessage()
    {
        const string code = "function down(n) { return down(n + 1); }\nfunction group(b) { return down(0); }";

        var error = Assert.Throws<ScriptException>(() => CreateSut().CallFunction(code, "group", "[]"));

        Assert.Equal(ScriptErrorKind.RecursionLimit, error.Kind);
        Assert.Contains("nested more than 64 deep", error.Message);
    }

    [Fact]
    public async Task CallFunctionAsync_Cancelled_ThrowsOperationCanceledPromptly()
    {
        var limits = new ScriptLimits { Timeout = TimeSpan.FromSeconds(30), MaxStatements = int.MaxValue };
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSut(limits).CallFunctionAsync(
            "function group(b) { while (true) { } }", "group", "[]", cancellation.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }

    [Fact]
    public void CallFunction_Cancelled_ThrowsOperationCanceled()
    {
        var limits = new ScriptLimits { Timeout = TimeSpan.FromSeconds(30), MaxStatements = int.MaxValue };
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.ThrowsAny<OperationCanceledException>(() => CreateSut(limits).CallFunction(
            "function group(b) { while (true) { } }", "group", "[]", cancellation.Token));
    }

    [Theory]
    [InlineData("System")]
    [InlineData("importNamespace")]
    [InlineData("clrHelper")]
    [InlineData("host")]
    public void CallFunction_ClrNames_AreUndefined(string name)
    {
        var json = CreateSut().CallFunction($"function group(b) {{ return typeof {name}; }}", "group", "[]");

        Assert.Equal("\"undefined\"", json);
    }

    [Fact]
    public void CallFunction_UsingSystem_FailsAsReferenceError()
    {
        var error = Assert.Throws<ScriptException>(() => CreateSut().CallFunction(
            "function group(b) {\n  return System.IO.File.ReadAllText('/etc/passwd');\n}", "group", "[]"));

        Assert.Equal("Code: ReferenceError at line 2, column 3: System is not defined", error.Message);
    }

    [Fact]
    public void CallFunction_SyntaxError_ReportsLineAndColumn()
    {
        const string code = "function group(records) {\n  var body = {};\n  body.x = ;\n  return body;\n}";

        var error = Assert.Throws<ScriptException>(() => CreateSut().CallFunction(code, "group", "[]"));

        Assert.Equal(ScriptErrorKind.Syntax, error.Kind);
        Assert.Equal("Code: SyntaxError at line 3, column 12: Unexpected token ;", error.Message);
        Assert.Equal((3, 12), (error.Line, error.Column));
    }

    [Fact]
    public void CallFunction_RuntimeError_ReportsLineAndColumn()
    {
        const string code = "function group(records) {\n  var first = records[0];\n  return first.name.length;\n}";

        var error = Assert.Throws<ScriptException>(() => CreateSut().CallFunction(code, "group", "[]"));

        Assert.Equal(ScriptErrorKind.Runtime, error.Kind);
        Assert.Equal("TypeError", error.ErrorName);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("Code: TypeError at line 3, column ", error.Message);
        Assert.Contains("first.name.length", error.Message);
    }

    [Fact]
    public void CallFunction_ThrownError_UsesItsMessage()
    {
        var error = Assert.Throws<ScriptException>(() => CreateSut().CallFunction(
            "function group(b) {\n  if (!b.length) { throw new Error('no records'); }\n}", "group", "[]"));

        Assert.Equal("Code: Error at line 2, column 20: no records", error.Message);
    }

    [Fact]
    public void CheckSyntax_ValidCode_ReturnsNull()
    {
        Assert.Null(CreateSut().CheckSyntax("function group(b) { return { records: b }; }"));
    }

    [Fact]
    public void CheckSyntax_BrokenCode_ReturnsLineAndColumn()
    {
        var problem = CreateSut().CheckSyntax("function group(b) {\n  return b.\n}");

        Assert.Equal("Code: SyntaxError at line 3, column 1: Unexpected token }", problem?.Message);
    }

    [Fact]
    public void CallFunction_ManyRuns_EachGetsAFreshEngine()
    {
        var sut = CreateSut();
        const string code = "var calls = (typeof calls === 'undefined' ? 0 : calls) + 1; function group(b) { return calls; }";

        Assert.Equal("1", sut.CallFunction(code, "group", "[]"));
        Assert.Equal("1", sut.CallFunction(code, "group", "[]"));
    }
}
