using FlowStudio.Engine.Paths.JsonPath.Filters;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath.Functions;

/// <summary><c>length(value)</c>: characters (Unicode scalar values) of a string, elements of an array, members of an object; else Nothing.</summary>
internal sealed class LengthFunction() : FunctionExtension("length", FilterType.Value, FilterType.Value)
{
    public override JToken? ValueOf(IReadOnlyList<Operand> arguments, JToken current, EvaluationContext context) =>
        arguments[0].Value(current, context) switch
        {
            JValue { Type: JTokenType.String, Value: string text } => new JValue((long)ScalarCount(text)),
            JArray array => new JValue((long)array.Count),
            JObject obj => new JValue((long)obj.Count),
            _ => null,
        };

    private static int ScalarCount(string text)
    {
        var count = text.Length;
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1]))
            {
                count--;
            }
        }

        return count;
    }
}
