using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Templates;

/// <summary>Reads a JSON string, number or boolean as invariant text, so <c>"default": true</c> becomes "true".</summary>
internal sealed class ScalarAsStringConverter : JsonConverter<string?>
{
    public override string? ReadJson(JsonReader reader, Type objectType, string? existingValue, bool hasExistingValue,
        JsonSerializer serializer)
    {
        var token = JToken.Load(reader);
        return token.Type switch
        {
            JTokenType.Null or JTokenType.Undefined => null,
            JTokenType.String => (string?)token,
            JTokenType.Boolean => (bool)token ? "true" : "false",
            JTokenType.Integer or JTokenType.Float => Convert.ToString(((JValue)token).Value, CultureInfo.InvariantCulture),
            _ => token.ToString(Formatting.None),
        };
    }

    public override void WriteJson(JsonWriter writer, string? value, JsonSerializer serializer) => writer.WriteValue(value);
}
