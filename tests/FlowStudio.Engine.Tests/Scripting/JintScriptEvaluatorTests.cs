using System.Diagnostics;
using FlowStudio.Engine.Scripting;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Tests.Scripting;

/// <summary>The in-process evaluator: the language, the messages, and the limits Jint itself enforces.</summary>
public sealed class JintScriptEvaluatorTests
{
    private static JintScriptEvaluator CreateSut(ScriptOptions? options = null) => new(options ?? new ScriptOptions());

    [Fact]
    public void CallFunction_Es5GroupReturnsObject_ReturnsItAsJson()
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
    public void CallFunction_ModernJavaScript_Runs()
    {
        const string code = """
            class Prefix { #p; constructor(p) { this.#p = p; } apply(id) { return `${this.#p}-${id}`; } }
            const prefix = new Prefix('cs');
            const group = (records) => {
              let [first, ...rest] = records;
              const ids = records.map(({ id }) => prefix.apply(id));
              return { ids, first: first?.name ?? 'none', more: rest.length, deep: first?.a?.b?.c ?? null, ...{ x: 1 } };
            };
            """;

        var json = CreateSut().CallFunction(code, "group", """[{"id":1,"name":"acme"},{"id":2}]""");

        Assert.Equal("""{"ids":["cs-1","cs-2"],"first":"acme","more":1,"deep":null,"x":1}""", json);
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

    [Theory]
    [InlineData("async function group(b) { return b; }")]
    [InlineData("const group = async (b) => b;")]
    [InlineData("function group(b) { return Promise.resolve(b); }")]
    public void CallFunction_ReturnsAPromise_SaysToReturnTheBodyItself(string script)
    {
        var error = Assert.Throws<ScriptException>(() => CreateSut().CallFunction(script, "group", "[{\"id\":1}]"));

        Assert.Equal(ScriptErrorKind.InvalidResult, error.Kind);
        Assert.Contains("returned a Promise", error.Message, StringComparison.Ordinal);
        Assert.Contains("remove async", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CallFunction_InfiniteLoop_StoppedByTimeLimitNamingTheLine()
    {
        var options = new ScriptOptions { TimeoutInterval = TimeSpan.FromMilliseconds(300), MaxStatements = int.MaxValue };
        var watch = Stopwatch.StartNew();

        var error = Assert.Throws<ScriptException>(() =>
            CreateSut(options).CallFunction("function group(b) {\n  while (true) { }\n}", "group", "[]"));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal(ScriptErrorKind.Timeout, error.Kind);
        Assert.Equal("Code: Time limit 300 ms reached at line 2: the script was stopped", error.Message);
    }

    [Fact]
    public void CallFunction_LoopPastStatementLimit_StoppedWithStatementMessage()
    {
        var options = new ScriptOptions { MaxStatements = 10_000, TimeoutInterval = TimeSpan.FromSeconds(30) };

        var error = Assert.Throws<ScriptException>(() =>
            CreateSut(options).CallFunction("function group(b) {\n  let i = 0;\n  while (true) { i++; }\n}", "group", "[]"));

        Assert.Equal(ScriptErrorKind.StatementLimit, error.Kind);
        Assert.Equal("Code: Statement limit 10,000 reached at line 3: the script was stopped", error.Message);
    }

    [Fact]
    public void CallFunction_TopLevelLoop_StoppedByTimeout()
    {
        var options = new ScriptOptions { TimeoutInterval = TimeSpan.FromMilliseconds(300), MaxStatements = int.MaxValue };

        var error = Assert.Throws<ScriptException>(() =>
            CreateSut(options).CallFunction("while (true) { }\nfunction group(b) { return b; }", "group", "[]"));

        Assert.Equal(ScriptErrorKind.Timeout, error.Kind);
        Assert.Contains("Time limit 300 ms reached", error.Message);
    }

    [Fact]
    public void CallFunction_DeepRecursion_StoppedWithRecursionMessage()
    {
        const string code = "function down(n) {\n  return down(n + 1);\n}\nfunction group(b) { return down(0); }";

        var error = Assert.Throws<ScriptException>(() => CreateSut().CallFunction(code, "group", "[]"));

        Assert.Equal(ScriptErrorKind.RecursionLimit, error.Kind);
        Assert.Equal("Code: Recursion limit 64 reached at line 2: function calls were nested too deep and the script was stopped", error.Message);
    }

    [Fact]
    public void CallFunction_PushBomb_StoppedWithMemoryMessage()
    {
        const string code = "function group(b) {\n  const a = [];\n  while (true) { a.push('xxxxxxxxxxxxxxxxxxxx' + a.length); }\n}";
        var options = new ScriptOptions { MaxStatements = int.MaxValue, TimeoutInterval = TimeSpan.FromSeconds(30) };

        var error = Assert.Throws<ScriptException>(() => CreateSut(options).CallFunction(code, "group", "[]"));

        Assert.Equal(ScriptErrorKind.MemoryLimit, error.Kind);
        Assert.Equal("Code: Memory limit 64 MB reached at line 3: the script was stopped", error.Message);
    }

    [Fact]
    public void CallFunction_CatastrophicRegex_StoppedByRegexTimeout()
    {
        var options = new ScriptOptions { RegexTimeoutInterval = TimeSpan.FromMilliseconds(200) };
        var watch = Stopwatch.StartNew();

        var error = Assert.Throws<ScriptException>(() => CreateSut(options).CallFunction(
            "function group(b) {\n  return /^(a+)+$/.test('a'.repeat(27) + '!');\n}", "group", "[]"));

        Assert.Equal(ScriptErrorKind.Timeout, error.Kind);
        Assert.StartsWith("Code: Regex time limit 200 ms reached at line 2", error.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void CallFunction_ResultPastOutputLimit_StoppedWithOutputMessage()
    {
        var options = new ScriptOptions { MaxOutputBytes = 64 * 1024 };

        var error = Assert.Throws<ScriptException>(() => CreateSut(options).CallFunction(
            "function group(b) { return 'x'.repeat(100000); }", "group", "[]"));

        Assert.True(error.Kind == ScriptErrorKind.OutputLimit, error.Message);
        Assert.StartsWith("Code: Output limit 64 KB reached", error.Message);
    }

    [Fact]
    public async Task CallFunctionAsync_Cancelled_ThrowsOperationCanceledPromptly()
    {
        var options = new ScriptOptions { TimeoutInterval = TimeSpan.FromSeconds(30), MaxStatements = int.MaxValue };
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSut(options).CallFunctionAsync(
            "function group(b) { while (true) { } }", "group", "[]", cancellation.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
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

        Assert.Equal("Code: ReferenceError at line 2, column 10: System is not defined", error.Message);
    }

    [Fact]
    public void CallFunction_Eval_IsRefused()
    {
        var error = Assert.Throws<ScriptException>(() => CreateSut().CallFunction(
            "function group(b) { return eval('1 + 1'); }", "group", "[]"));

        Assert.Equal(ScriptErrorKind.Runtime, error.Kind);
    }

    [Fact]
    public void CallFunction_SyntaxError_ReportsLineAndColumn()
    {
        const string code = "function group(records) {\n  var body = {};\n  body.x = ;\n  return body;\n}";

        var error = Assert.Throws<ScriptException>(() => CreateSut().CallFunction(code, "group", "[]"));

        Assert.Equal(ScriptErrorKind.Syntax, error.Kind);
        Assert.Equal("Code: SyntaxError at line 3, column 12: Unexpected token ';'", error.Message);
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
    }

    [Fact]
    public void CallFunction_ThrownError_UsesItsMessage()
    {
        var error = Assert.Throws<ScriptException>(() => CreateSut().CallFunction(
            "function group(b) {\n  if (!b.length) { throw new Error('no records'); }\n}", "group", "[]"));

        Assert.Equal("Error", error.ErrorName);
        Assert.Equal(2, error.Line);
        Assert.EndsWith(": no records", error.Message);
    }

    [Fact]
    public void CheckSyntax_ValidCode_ReturnsNull()
    {
        Assert.Null(CreateSut().CheckSyntax("const group = (b) => ({ records: b });"));
    }

    [Fact]
    public void CheckSyntax_BrokenCode_ReturnsLineAndColumn()
    {
        var problem = CreateSut().CheckSyntax("function group(b) {\n  return b.\n}");

        Assert.Equal("Code: SyntaxError at line 3, column 1: Unexpected token '}'", problem?.Message);
    }

    [Fact]
    public void CheckSyntax_FiftyThousandNestedParentheses_RefusedNamingTheLine()
    {
        var code = "function group(b) {\n  return " + new string('(', 50_000) + "1" + new string(')', 50_000) + ";\n}";

        var problem = CreateSut().CheckSyntax(code);

        Assert.Equal(ScriptErrorKind.Syntax, problem?.Kind);
        Assert.StartsWith("Code: SyntaxError at line 2, column 137: brackets are nested more than 128 deep", problem?.Message);
    }

    [Fact]
    public void CheckSyntax_DeepUnaryChain_RefusedWithoutCrashing()
    {
        var problem = CreateSut().CheckSyntax("function group(b) { return " + new string('!', 50_000) + "b; }");

        Assert.Equal(ScriptErrorKind.Syntax, problem?.Kind);
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
