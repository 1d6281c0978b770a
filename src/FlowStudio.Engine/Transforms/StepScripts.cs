using FlowStudio.Engine.Scripting;

namespace FlowStudio.Engine.Transforms;

/// <summary>
/// The code a compute or script step runs: the user's expression or <c>transform(record)</c> wrapped in a function that
/// takes a chunk of records and returns, for each, <c>{v: value}</c>, <c>{u: true}</c> (undefined) or <c>{e: "TypeError:
/// ..."}</c>, so one call runs many records and one record's error does not stop the others. The user's code keeps its
/// line numbers: a script step's wrapper follows it, a compute expression sits alone on line 2.
/// </summary>
internal static class StepScripts
{
    public const string FunctionName = "__flowstudio_each";

    /// <summary>The function a script step must define.</summary>
    public const string TransformFunction = "transform";

    private const string ErrorText = "function __flowstudio_error(e) { return e instanceof Error ? e.name + ': ' + e.message : 'Uncaught ' + String(e); }";

    public static string Compute(string expression) =>
        $"function {FunctionName}(records) {{ return records.map(function (record) {{ try {{ return {{ v: (\n{expression}\n) }}; }} catch (e) {{ return {{ e: __flowstudio_error(e) }}; }} }}); }}\n{ErrorText}";

    public static string Script(string code) =>
        $"{code}\n;function {FunctionName}(records) {{ if (typeof {TransformFunction} !== 'function') {{ throw new Error('the code must define function {TransformFunction}(record)'); }} "
        + $"return records.map(function (record) {{ try {{ const out = {TransformFunction}(record); return out === undefined ? {{ u: true }} : {{ v: out }}; }} catch (e) {{ return {{ e: __flowstudio_error(e) }}; }} }}); }}\n{ErrorText}";

    /// <summary>A compute expression's syntax error, located in the expression.</summary>
    public static string ExpressionProblem(ScriptException error) =>
        error.Line == 2 && error.Column is { } column
            ? $"{error.ErrorName} at column {column}: {error.Detail}"
            : $"{error.ErrorName}: {error.Detail}";
}
