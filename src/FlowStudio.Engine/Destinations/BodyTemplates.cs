using FlowStudio.Engine.Templates;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Destinations;

/// <summary>Fills a template body: <c>"$records"</c>, <c>"$record"</c> and <c>"$record.field"</c> strings.</summary>
internal static class BodyTemplates
{
    /// <summary>A string <c>"$record.name"</c> takes the record's field <c>name</c> (from field parameters).</summary>
    public const string RecordFieldPrefix = DeliverySpec.RecordToken + ".";

    public static JToken Render(JToken template, JArray batch, JObject? record) => template switch
    {
        JObject obj => new JObject(obj.Properties().Select(p => new JProperty(p.Name, Render(p.Value, batch, record)))),
        JArray array => new JArray(array.Select(item => Render(item, batch, record))),
        JValue { Type: JTokenType.String } text => RenderText((string)text!, batch, record),
        _ => template.DeepClone(),
    };

    /// <summary>
    /// Writes a batch body: <c>"$records"</c> becomes the array of <paramref name="records"/> (compact JSON objects,
    /// written as they are); a batch has no single record, so <c>"$record"</c> and record fields are null.
    /// </summary>
    public static void Write(JsonWriter writer, JToken template, IReadOnlyList<string> records)
    {
        switch (template)
        {
            case JObject obj:
                writer.WriteStartObject();
                foreach (var property in obj.Properties())
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value, records);
                }

                writer.WriteEndObject();
                break;
            case JArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item, records);
                }

                writer.WriteEndArray();
                break;
            case JValue { Type: JTokenType.String } text when (string)text! == DeliverySpec.RecordsToken:
                BatchGrouper.WriteArray(writer, records);
                break;
            case JValue { Type: JTokenType.String } text when (string)text! is var s
                && (s == DeliverySpec.RecordToken || s.StartsWith(RecordFieldPrefix, StringComparison.Ordinal)):
                writer.WriteNull();
                break;
            default:
                template.WriteTo(writer);
                break;
        }
    }

    /// <summary>Whether a template body mentions <c>"$record"</c> (or a record field), which needs one record per request.</summary>
    public static bool UsesSingleRecord(JToken? template) => template switch
    {
        JObject obj => obj.Properties().Any(p => UsesSingleRecord(p.Value)),
        JArray array => array.Any(UsesSingleRecord),
        JValue { Type: JTokenType.String } text => (string)text! is var s
            && (s == DeliverySpec.RecordToken || s.StartsWith(RecordFieldPrefix, StringComparison.Ordinal)),
        _ => false,
    };

    private static JToken RenderText(string text, JArray batch, JObject? record)
    {
        if (text == DeliverySpec.RecordsToken)
        {
            // A batch is built for one body: the first "$records" takes it as it is, any further one gets a copy.
            return batch.Parent is null ? batch : batch.DeepClone();
        }

        if (text == DeliverySpec.RecordToken)
        {
            return record?.DeepClone() ?? JValue.CreateNull();
        }

        if (text.StartsWith(RecordFieldPrefix, StringComparison.Ordinal))
        {
            return RecordFields.Find(record, text[RecordFieldPrefix.Length..])?.DeepClone() ?? JValue.CreateNull();
        }

        return new JValue(text);
    }
}
