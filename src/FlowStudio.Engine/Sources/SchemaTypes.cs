using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Sources;

/// <summary>The field types a schema uses.</summary>
public static class SchemaTypes
{
    public const string String = "string";
    public const string Integer = "integer";
    public const string Number = "number";
    public const string Boolean = "boolean";
    public const string Object = "object";
    public const string Array = "array";
    public const string Null = "null";

    /// <summary>The type of a JSON value.</summary>
    internal static string Of(JToken? token) => token?.Type switch
    {
        JTokenType.Integer => Integer,
        JTokenType.Float => Number,
        JTokenType.Boolean => Boolean,
        JTokenType.Object => Object,
        JTokenType.Array => Array,
        null or JTokenType.Null or JTokenType.Undefined => Null,
        _ => String,
    };

    /// <summary>The type of a JSON value read with System.Text.Json: a number written with a fraction or exponent is a number, else an integer.</summary>
    internal static string Of(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value).IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0 ? Integer : Number,
        JsonValueKind.True or JsonValueKind.False => Boolean,
        JsonValueKind.Object => Object,
        JsonValueKind.Array => Array,
        JsonValueKind.Null or JsonValueKind.Undefined => Null,
        _ => String,
    };

    /// <summary>
    /// The type of a field seen with both types: null gives way to the other, integer and number make number,
    /// anything else that disagrees becomes string.
    /// </summary>
    public static string Merge(string a, string b) => (a, b) switch
    {
        _ when a == b => a,
        (Null, _) => b,
        (_, Null) => a,
        (Integer, Number) or (Number, Integer) => Number,
        _ => String,
    };
}
