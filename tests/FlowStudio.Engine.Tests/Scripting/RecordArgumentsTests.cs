using FlowStudio.Engine.Scripting;
using Jint;
using Jint.Native;
using Jint.Native.Json;

namespace FlowStudio.Engine.Tests.Scripting;

/// <summary>
/// Records reach a script unparsed until it looks at them, and untouched records are written back from their text. A
/// script must not be able to tell: every script here gives exactly what JSON.parse, the call and JSON.stringify give on
/// a plain Jint engine, over canonical records and every kind of record that is not.
/// </summary>
public sealed class RecordArgumentsTests
{
    public static TheoryData<string> Scripts => new(
        "return records;",
        "return [{ sourceEntity: 'account', records: records }];",
        "return { data: records, count: records.length, first: records[0], again: records[0] };",
        "return records.map(r => ({ id: r.id, name: r.name }));",
        "records.forEach(r => { r.touched = true; }); return records;",
        "if (records.length) { delete records[0].name; } return records;",
        "return records.map(r => ({ ...r, extra: 1 }));",
        "return records.map(r => Object.keys(r));",
        "return records.map(r => Object.entries(r));",
        "return records.map(r => Object.assign({}, r));",
        "return records.map(r => JSON.stringify(r));",
        "return records.map(r => { const keys = []; for (const k in r) keys.push(k); return keys; });",
        "Object.prototype.toJSON = function () { return 'everywhere'; }; return records;",
        "if (records.length) { Object.setPrototypeOf(records[0], { toJSON() { return 'mine'; } }); } return records;",
        "records.forEach(r => Object.freeze(r)); records.forEach(r => { try { r.name = 'x'; } catch (e) {} }); return records.map(r => [r, Object.isFrozen(r)]);",
        "return records.map(r => ['name' in r, Object.prototype.hasOwnProperty.call(r, 'id'), typeof r, Array.isArray(r), r instanceof Object, Object.prototype.toString.call(r), r.constructor === Object, Object.isExtensible(r)]);",
        "return records.map(r => Object.getOwnPropertyNames(r));",
        "if (records.length) { Object.defineProperty(records[0], 'computed', { get() { return 42; }, enumerable: true }); } return records;",
        "return records.slice().sort((a, b) => String(a.name).localeCompare(String(b.name)));",
        "return records.filter((r, i) => i % 2 === 0).concat(records.slice(1));",
        "return records.map(r => r === records[0]);",
        "return [records, new Date(0), { d: new Date(86400000) }, [undefined, () => 1, Symbol('s')], { u: undefined, f() {}, s: Symbol('t') }, NaN, -0, 1e21, 0.1 + 0.2, 2 ** 53 + 2, -1.5e-7, Infinity];",
        "class Row { constructor(r) { this.r = r; } } return records.map(r => new Row(r));",
        "return records.map(r => ({ get lazy() { return r; } }));",
        "const a = [records]; a.push(a); return a;",
        "return ['é', '😀', '\\ud800', '\\udc00x', '\\u2028\\u2029', '\\u0000\\u001f\\b\\f\\n\\r\\t\"\\\\/', '\\ue000\\uffff', String.fromCharCode(0x7f), 'plain'];",
        "return records.map(r => structuredClone === undefined ? r : r);",
        "const m = new Map(records.map((r, i) => [i, r])); return [...m.values()];",
        "return records.reduce((acc, r) => { acc[String(r.id)] = r; return acc; }, {});",
        "return new Proxy(records, {});",
        "return records.length ? records[0] : null;",
        "return records.map(r => Object.getOwnPropertyDescriptor(r, 'name'));",
        "records.forEach(r => { r[5] = 'five'; }); return records;",
        "return records.map(r => Object.fromEntries(Object.entries(r).reverse()));");

    private static readonly string[] Arguments =
    [
        """[{"id":1,"name":"Ada","amount":12.5,"tags":["a","b"],"owner":{"email":"ada@example.com","active":true},"note":null}]""",
        """[{"id":1,"name":"Zoë","emoji":"😀","quote":"say \"hi\"","path":"a\\b","lines":"a\nb\tc\u0001","sep":"\u2028"},{"id":2,"name":"Bob"}]""",
        """[ {"id":1, "name":"spaced"} , {"id":2,"name":"tight"} ]""",
        """[{"id":1,"name":"\u0041scii escape"},{"id":2,"slash":"a\/b"},{"id":3,"e":"\u00e9"},{"id":4,"lone":"\ud800"},{"id":5,"upper":"\u001F"}]""",
        """[{"id":1.0,"name":"one point zero"},{"id":1e3,"name":"exponent"},{"id":-0,"name":"negative zero"},{"id":1E2,"name":"big E"},{"id":0.0000001,"name":"tiny"},{"id":0.000001,"name":"small"}]""",
        """[{"id":12345678901234567,"name":"many digits"},{"id":123456789012345,"name":"fifteen"},{"id":0.1234567890123456,"name":"sixteen"},{"id":-12.75,"name":"negative"}]""",
        """[{"id":1,"name":"dup","name":"second"},{"2":"two","1":"one","a":"letter"},{"__proto__":{"x":1},"id":3},{"":"empty key","01":"not an index"}]""",
        """[{"id":1,"deep":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}]""",
        """[1,"two",null,true,[{"id":3}],{"id":4}]""",
        """[]""",
        """[{}]""",
        """[{"id":1,"name":"n","nested":{"name":"dup","name":"again"}}]""",
        "[{\"id\":1,\"raw\":\"a\ud800b\"},{\"id\":2,\"raw\":\"\udc00\"},{\"id\":3,\"raw\":\"\ud83d\ude00\"}]", // surrogates as they are, not escaped
        "[" + string.Join(",", Enumerable.Range(1, 12).Select(i => $$"""{"id":{{i}},"name":"Account {{i}}","amount":{{i}}.25}""")) + "]",
    ];

    [Theory]
    [MemberData(nameof(Scripts))]
    public void CallFunction_AnyScript_GivesWhatJsonParseAndStringifyGive(string body)
    {
        var script = "function group(records) { " + body + " }";
        var sut = new JintScriptEvaluator(); // learns whether the script reads its records: the calls below go both ways
        foreach (var argument in Arguments.SelectMany(argument => new[] { argument, argument, argument }))
        {
            var expected = Oracle(script, argument);
            string? actual;
            try
            {
                actual = sut.CallFunction(script, "group", argument);
            }
            catch (ScriptException error)
            {
                Assert.True(expected.Error is not null, $"{body}\n{argument}\nunexpected error: {error.Message}");
                continue;
            }

            Assert.True(expected.Error is null, $"{body}\n{argument}\nexpected an error: {expected.Error}");
            Assert.True(expected.Json == actual, $"{body}\n{argument}\nexpected: {expected.Json}\nactual:   {actual}");
        }
    }

    [Fact]
    public void CallFunction_TooDeepForJsonParse_FailsAsBefore()
    {
        var deep = "[{\"a\":" + new string('[', 600) + new string(']', 600) + "}]";

        Assert.NotNull(Oracle("function group(r) { return r; }", deep).Error);
        Assert.Throws<ScriptException>(() => new JintScriptEvaluator().CallFunction("function group(r) { return r; }", "group", deep));
    }

    private static (string? Json, string? Error) Oracle(string script, string argument)
    {
        try
        {
            var engine = new Jint.Engine(options => options.Culture = System.Globalization.CultureInfo.InvariantCulture);
            engine.Execute(script);
            var result = engine.Invoke("group", new JsonParser(engine).Parse(argument));
            var json = new JsonSerializer(engine).Serialize(result);
            return (json.IsUndefined() ? null : json.AsString(), null);
        }
        catch (Exception error) when (error is Jint.Runtime.JavaScriptException or InvalidOperationException)
        {
            return (null, error.Message);
        }
    }
}
