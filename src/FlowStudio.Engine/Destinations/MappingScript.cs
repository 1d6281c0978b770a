using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Scripting;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Destinations;

/// <summary>
/// Runs a mapping's expressions: all of them go into one JavaScript function <c>map(record)</c> that returns their
/// values in order, so a record costs one call to the sandboxed script engine (with its time, memory and statement
/// limits) whatever the number of expressions.
/// </summary>
internal static class MappingScript
{
    private const string FunctionName = "map";

    /// <summary>The script that checks one expression's syntax.</summary>
    public static string ForSyntaxCheck(string expression) => Wrap([expression]);

    /// <summary>The values of the expressions of <paramref name="mapping"/>, by mapping index; null when it has none.</summary>
    /// <exception cref="RecordRejectedException">An expression failed or broke a limit.</exception>
    public static JToken?[]? Evaluate(IReadOnlyList<FieldMapping> mapping, JObject record, IScriptEvaluator scripts, CancellationToken cancellationToken)
    {
        var expressions = mapping.Select((m, i) => (m, i)).Where(x => x.m.From == MappingSources.Expression).ToList();
        if (expressions.Count == 0)
        {
            return null;
        }

        string? result;
        try
        {
            result = scripts.CallFunction(Wrap(expressions.Select(x => x.m.Value)), FunctionName, RecordFields.Compact(record), cancellationToken);
        }
        catch (ScriptException error)
        {
            var fields = string.Join(", ", expressions.Select(x => x.m.Field));
            throw new RecordRejectedException($"The expression for {fields} failed: {error.Message}");
        }

        var values = new JToken?[mapping.Count];
        var array = result is null ? null : JsonText.Parse(result) as JArray;
        for (var n = 0; n < expressions.Count; n++)
        {
            values[expressions[n].i] = array is not null && n < array.Count ? array[n] : null;
        }

        return values;
    }

    // Each expression sits on its own lines, so a trailing line comment cannot swallow the rest.
    private static string Wrap(IEnumerable<string> expressions) =>
        "function " + FunctionName + "(record) {\n  return [\n" + string.Join(",\n", expressions.Select(e => "(" + e + "\n)")) + "\n  ];\n}";
}
