using System.Globalization;
using System.Text;
using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Scripting;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Destinations;

/// <summary>
/// Turns one batch of records (excluded attributes already removed) into a request body: the template body,
/// Property Inside JSON Object (<c>{ propertyName: [batch], ...otherProps }</c>), JSON Array (<c>[batch]</c>), or the
/// grouping code's <c>group(batch)</c> result.
/// </summary>
public sealed class BatchGrouper(IScriptEvaluator scripts)
{
    /// <summary>The function grouping code must define.</summary>
    public const string FunctionName = "group";

    /// <summary>The body for a batch, as JSON text.</summary>
    /// <param name="config">The destination.</param>
    /// <param name="records">The batch's records as compact JSON objects, written into the body as they are.</param>
    /// <param name="scratch">A builder to write the body in, reused from batch to batch (cleared here); null for a new one.</param>
    /// <param name="cancellationToken">Stops grouping code.</param>
    /// <exception cref="ScriptException">The grouping code failed or returned nothing.</exception>
    /// <exception cref="ArgumentException">The batching settings are invalid (see <see cref="DestinationValidator"/>).</exception>
    public string GroupBatch(DestinationConfig config, IReadOnlyList<string> records, StringBuilder? scratch = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(records);
        if (config.BodyTemplate is { } template)
        {
            return Write(records, scratch, writer => BodyTemplates.Write(writer, template, records));
        }

        var batching = config.Batching;
        if (CallsCode(config))
        {
            return Grouped(scripts.CallFunction(batching.Code ?? "", FunctionName, Write(records, scratch, writer => WriteArray(writer, records)), cancellationToken));
        }

        if (batching.Algorithm == GroupingAlgorithms.Array)
        {
            return Write(records, scratch, writer => WriteArray(writer, records));
        }

        if (string.IsNullOrWhiteSpace(batching.PropertyName))
        {
            throw new ArgumentException("Property Inside JSON Object needs a property name.", nameof(config));
        }

        var (otherProps, problem) = ReadOtherProps(batching.OtherProps);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(config));
        }

        // { propertyName: [batch], ...otherProps }; an other prop of the same name takes the batch's place.
        return Write(records, scratch, writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName(batching.PropertyName);
            if (otherProps.TryGetValue(batching.PropertyName, StringComparison.Ordinal, out var replaced))
            {
                replaced.WriteTo(writer);
            }
            else
            {
                WriteArray(writer, records);
            }

            foreach (var property in otherProps.Properties().Where(p => p.Name != batching.PropertyName))
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        });
    }

    /// <summary>Whether a batch's body comes from the Grouping Algorithm's code (no body template).</summary>
    public static bool CallsCode(DestinationConfig config) =>
        config.BodyTemplate is null && config.Batching.Algorithm == GroupingAlgorithms.Code;

    /// <summary>
    /// The bodies of several batches of a destination whose Grouping Algorithm is code, one <c>group</c> call per batch, all
    /// sent to the script workers at once: each batch's body, or the error its call raised.
    /// </summary>
    public async Task<IReadOnlyList<ScriptOutcome>> GroupBatchesAsync(DestinationConfig config, IReadOnlyList<IReadOnlyList<string>> batches,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(batches);
        if (!CallsCode(config))
        {
            throw new ArgumentException("The destination does not group batches with code.", nameof(config));
        }

        var scratch = new StringBuilder();
        var arguments = batches.Select(records => Write(records, scratch, writer => WriteArray(writer, records))).ToList();
        var outcomes = await scripts.CallEachAsync(config.Batching.Code ?? "", FunctionName, arguments, cancellationToken).ConfigureAwait(false);
        return [.. outcomes.Select(outcome => outcome is { Json: null, Error: null } ? new ScriptOutcome(null, EmptyResult()) : outcome)];
    }

    private static string Grouped(string? result) => result ?? throw EmptyResult();

    private static ScriptException EmptyResult() => new(ScriptErrorKind.InvalidResult, "Empty result",
        $"{FunctionName}(records) returned nothing; it must return the request body", null, null);

    /// <summary>Writes the records as a JSON array, each record's text as it is.</summary>
    internal static void WriteArray(JsonWriter writer, IReadOnlyList<string> records)
    {
        writer.WriteStartArray();
        foreach (var record in records)
        {
            writer.WriteRawValue(record);
        }

        writer.WriteEndArray();
    }

    private static string Write(IReadOnlyList<string> records, StringBuilder? scratch, Action<JsonWriter> write)
    {
        // Sized for the records plus the wrapper, so the body is written once and copied once.
        var length = 256 + records.Count;
        foreach (var record in records)
        {
            length += record.Length;
        }

        scratch ??= new StringBuilder(length);
        scratch.Clear().EnsureCapacity(length);
        using var text = new StringWriter(scratch, CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            write(writer);
        }

        return text.ToString();
    }

    /// <summary>The body for one record sent on its own: the template body, or the record itself.</summary>
    internal static string RecordBody(DestinationConfig config, JObject record)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(record);
        return config.BodyTemplate is { } template
            ? RecordFields.Compact(BodyTemplates.Render(template, [record], record))
            : RecordFields.Compact(record);
    }

    /// <summary>Other Props as an object (empty when not given), or why it is not a JSON object.</summary>
    internal static (JObject Props, string? Problem) ReadOtherProps(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ([], null);
        }

        try
        {
            return ReadOtherProps(JsonText.Parse(text));
        }
        catch (JsonReaderException error)
        {
            return ([], $"Other Props is not valid JSON: {error.Message}");
        }
    }

    private static (JObject Props, string? Problem) ReadOtherProps(JToken? token)
    {
        switch (token)
        {
            case null or { Type: JTokenType.Null }:
                return ([], null);
            case JObject obj:
                return (obj, null);
            case JValue { Type: JTokenType.String } text when string.IsNullOrWhiteSpace((string?)text):
                return ([], null);
            case JValue { Type: JTokenType.String } text:
                try
                {
                    return JsonText.Parse((string)text!) is JObject parsed
                        ? (parsed, null)
                        : ([], "Other Props must be a JSON object, e.g. {\"sourceEntity\": \"account\"}.");
                }
                catch (JsonReaderException error)
                {
                    return ([], $"Other Props is not valid JSON: {error.Message}");
                }

            default:
                return ([], "Other Props must be a JSON object, e.g. {\"sourceEntity\": \"account\"}.");
        }
    }
}
