using System.Globalization;
using System.Text;
using System.Xml;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Destinations;

/// <summary>Writes records in a <see cref="ContentFormats"/> format other than JSON, by the rules documented there.</summary>
internal static class RecordFormatter
{
    public const string BatchElement = "records";
    public const string RecordElement = "record";

    /// <summary>The body for <paramref name="records"/>: a batch, or one record sent on its own when <paramref name="single"/>.</summary>
    /// <exception cref="RecordRejectedException">Form encoding of a record with a nested object or array.</exception>
    public static string Write(string format, IReadOnlyList<JObject> records, bool single) => format switch
    {
        ContentFormats.Xml => Xml(records, single),
        ContentFormats.Form => Form(records),
        ContentFormats.Csv => Csv(records),
        ContentFormats.Ndjson => Ndjson(records),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "JSON bodies are written by the grouping."),
    };

    private static string Xml(IReadOnlyList<JObject> records, bool single)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            if (!single)
            {
                writer.WriteStartElement(BatchElement);
            }

            foreach (var record in records)
            {
                WriteElement(writer, RecordElement, record);
            }

            if (!single)
            {
                writer.WriteEndElement();
            }
        }

        return text.ToString();
    }

    private static void WriteElement(XmlWriter writer, string name, JToken value)
    {
        if (value is JArray array)
        {
            foreach (var item in array)
            {
                if (item is JArray inner)
                {
                    writer.WriteStartElement(name);
                    WriteElement(writer, "item", inner);
                    writer.WriteEndElement();
                }
                else
                {
                    WriteElement(writer, name, item);
                }
            }

            return;
        }

        writer.WriteStartElement(name);
        if (value is JObject obj)
        {
            foreach (var property in obj.Properties())
            {
                WriteElement(writer, XmlConvert.EncodeLocalName(property.Name), property.Value);
            }
        }
        else if (Scalar(value) is { Length: > 0 } text)
        {
            writer.WriteString(text);
        }

        writer.WriteEndElement();
    }

    private static string Form(IReadOnlyList<JObject> records)
    {
        var record = records.Single();
        var pairs = new List<string>(record.Count);
        foreach (var property in record.Properties())
        {
            if (property.Value is JContainer)
            {
                throw new RecordRejectedException(ContentFormats.FlatFieldsOnly(property.Name, property.Value is JArray));
            }

            pairs.Add(FormEncode(property.Name) + "=" + FormEncode(Scalar(property.Value)));
        }

        return string.Join('&', pairs);
    }

    // application/x-www-form-urlencoded as browsers write it: percent-encoded UTF-8, spaces as '+'.
    private static string FormEncode(string text) => Uri.EscapeDataString(text).Replace("%20", "+", StringComparison.Ordinal);

    private static string Csv(IReadOnlyList<JObject> records)
    {
        var columns = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in records.SelectMany(record => record.Properties()))
        {
            if (seen.Add(property.Name))
            {
                columns.Add(property.Name);
            }
        }

        var text = new StringBuilder();
        WriteRow(text, columns);
        foreach (var record in records)
        {
            WriteRow(text, columns.Select(column => record.TryGetValue(column, StringComparison.Ordinal, out var value) ? CsvValue(value) : ""));
        }

        return text.ToString();
    }

    private static string CsvValue(JToken value) => value is JContainer ? RecordFields.Compact(value) : Scalar(value);

    private static void WriteRow(StringBuilder text, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(field);
            }
        }

        text.Append("\r\n");
    }

    private static string Ndjson(IReadOnlyList<JObject> records)
    {
        var text = new StringBuilder();
        foreach (var record in records)
        {
            text.Append(RecordFields.Compact(record)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A scalar as text: null is empty, numbers and dates invariant, booleans true/false.</summary>
    private static string Scalar(JToken value) => value.Type is JTokenType.Null or JTokenType.Undefined
        ? ""
        : RecordFields.AsText(value) ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
