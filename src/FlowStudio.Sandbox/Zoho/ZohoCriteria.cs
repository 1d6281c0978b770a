using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.Zoho;

/// <summary>
/// A search <c>criteria</c>: <c>(Field:operator:value)</c> conditions joined by <c>and</c> / <c>or</c> inside parentheses,
/// read left to right. Values escape <c>(</c>, <c>)</c> and <c>,</c> with a backslash; comparisons ignore case.
/// </summary>
internal sealed class ZohoCriteria
{
    private static readonly string[] Operators = ["equals", "not_equal", "starts_with", "in"];

    private readonly string _text;
    private readonly ZohoModule _module;
    private int _pos;

    private ZohoCriteria(string text, ZohoModule module) => (_text, _module) = (text, module);

    /// <summary>The record test, or the reason the criteria is refused.</summary>
    public static (Func<JsonObject, bool>? Match, string? Error, string? Field) Parse(string text, ZohoModule module)
    {
        var parser = new ZohoCriteria(text.Trim(), module);
        try
        {
            var match = parser.Sequence();
            return parser._pos == parser._text.Length ? (match, null, null) : (null, "invalid criteria", null);
        }
        catch (CriteriaException ex)
        {
            return (null, ex.Message, ex.Field);
        }
    }

    private Func<JsonObject, bool> Sequence()
    {
        var result = Term();
        while (_pos < _text.Length && _text[_pos] != ')')
        {
            var rest = _text[_pos..];
            Func<JsonObject, bool> left = result;
            if (rest.StartsWith("and", StringComparison.OrdinalIgnoreCase))
            {
                _pos += 3;
                var right = Term();
                result = r => left(r) && right(r);
            }
            else if (rest.StartsWith("or", StringComparison.OrdinalIgnoreCase))
            {
                _pos += 2;
                var right = Term();
                result = r => left(r) || right(r);
            }
            else
            {
                throw new CriteriaException("invalid criteria");
            }
        }

        return result;
    }

    private Func<JsonObject, bool> Term()
    {
        Expect('(');
        var result = _pos < _text.Length && _text[_pos] == '(' ? Sequence() : Condition();
        Expect(')');
        return result;
    }

    private Func<JsonObject, bool> Condition()
    {
        var raw = new StringBuilder();
        while (_pos < _text.Length && _text[_pos] != ')')
        {
            if (_text[_pos] == '\\' && _pos + 1 < _text.Length)
            {
                _pos++;
                raw.Append('\u0001');
            }

            raw.Append(_text[_pos++]);
        }

        var parts = raw.ToString().Split(':', 3);
        if (parts.Length != 3)
        {
            throw new CriteriaException("invalid criteria");
        }

        var (name, op, value) = (parts[0].Trim(), parts[1].Trim(), parts[2].Replace("\u0001,", "\u0002", StringComparison.Ordinal).Replace("\u0001", "", StringComparison.Ordinal));
        var field = _module.Field(name) ?? throw new CriteriaException("the field is not available for search", name);
        if (!Operators.Contains(op))
        {
            throw new CriteriaException($"invalid operator {op}", name);
        }

        var values = op == "in" ? value.Split(',').Select(Unescape).ToArray() : [Unescape(value)];
        return record =>
        {
            var actual = Text(record[field.ApiName], field);
            return op switch
            {
                "equals" or "in" => actual is not null && values.Any(v => string.Equals(actual, v, StringComparison.OrdinalIgnoreCase)),
                "not_equal" => !string.Equals(actual, values[0], StringComparison.OrdinalIgnoreCase),
                _ => actual is not null && actual.StartsWith(values[0], StringComparison.OrdinalIgnoreCase),
            };
        };
    }

    private static string Unescape(string value) => value.Replace('\u0002', ',');

    private static string? Text(JsonNode? node, ZohoField field) => node switch
    {
        null => null,
        JsonObject lookup when field.Type == ZohoFieldType.Lookup => lookup["name"]?.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "true" : "false",
        JsonValue v => v.ToString(),
        _ => node.ToJsonString(),
    };

    private void Expect(char c)
    {
        if (_pos >= _text.Length || _text[_pos] != c)
        {
            throw new CriteriaException("invalid criteria");
        }

        _pos++;
    }

    private sealed class CriteriaException(string message, string? field = null) : Exception(message)
    {
        public string? Field { get; } = field;
    }
}
