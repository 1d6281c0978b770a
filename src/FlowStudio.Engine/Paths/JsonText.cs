using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths;

/// <summary>Parses JSON exactly as sent: date-like strings stay strings (Newtonsoft would turn them into dates).</summary>
public static class JsonText
{
    /// <summary>Parses <paramref name="json"/>; throws <see cref="JsonReaderException"/> when it is not valid JSON.</summary>
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
            MaxDepth = 128,
        };
        var token = JToken.ReadFrom(reader);
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
            {
                throw new JsonReaderException($"Unexpected content after the JSON value at line {reader.LineNumber}, position {reader.LinePosition}.");
            }
        }

        return token;
    }
}
