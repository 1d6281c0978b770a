using FlowStudio.Engine.Paths.JsonPath.Filters;
using FlowStudio.Engine.Paths.JsonPath.Regexp;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath.Functions;

/// <summary>
/// <c>match(value, pattern)</c> (the whole string matches) and <c>search(value, pattern)</c> (some substring matches),
/// with the pattern an I-Regexp (RFC 9485). False when either argument is not a string, the pattern is not a valid
/// I-Regexp, or matching takes longer than <see cref="IRegexp.Timeout"/>.
/// </summary>
internal sealed class RegexFunction(string name, bool fullMatch) : FunctionExtension(name, FilterType.Logical, FilterType.Value, FilterType.Value)
{
    public override bool LogicalOf(IReadOnlyList<Operand> arguments, JToken current, EvaluationContext context) =>
        arguments[0].Value(current, context) is JValue { Type: JTokenType.String, Value: string text }
        && arguments[1].Value(current, context) is JValue { Type: JTokenType.String, Value: string pattern }
        && IRegexp.IsMatch(pattern, text, fullMatch);
}
