using FlowStudio.Engine.Scripting;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Destinations;

/// <summary>
/// Turns one batch of records (excluded attributes already removed) into a request body: the template body,
/// Property Inside JSON Object (<c>{ propertyName: [batch], ...otherProps }</c>), or the grouping code's
/// <c>group(batch)</c> result.
/// </summary>
public sealed class BatchGrouper(IScriptEvaluator scripts)
{
    /// <summary>The function grouping code must define.</summary>
    public const string FunctionName = "group";

    /// <summary>The body for a batch, as JSON text.</summary>
    /// <exception cref="ScriptException">The grouping code failed or returned nothing.</exception>
    /// <exception cref="ArgumentException">The batching settings are invalid (see <see cref="DestinationValidator"/>).</exception>
    public string GroupBatch(DestinationConfig config, JArray batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(batch);
        if (config.BodyTemplate is { } template)
        {
            return RecordFields.Compact(BodyTemplates.Render(template, batch, null));
        }

        var batching = config.Batching;
        if (batching.Algorithm == GroupingAlgorithms.Code)
        {
            var result = scripts.CallFunction(batching.Code ?? "", FunctionName, RecordFields.Compact(batch), cancellationToken);
            return result ?? throw new ScriptException(ScriptErrorKind.InvalidResult, "Empty result",
                $"{FunctionName}(records) returned nothing; it must return the request body", null, null);
        }

        if (string.IsNullOrWhiteSpace(batching.PropertyName))
        {
            throw new ArgumentException("Property Inside JSON Object needs a property name.", nameof(config));
        }

        var body = new JObject { [batching.PropertyName] = batch.Parent is null ? batch : batch.DeepClone() };
        var (otherProps, problem) = ReadOtherProps(batching.OtherProps);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(config));
        }

        foreach (var property in otherProps.Properties())
        {
            body[property.Name] = property.Value.DeepClone();
        }

        return RecordFields.Compact(body);
    }

    /// <summary>The body for one record sent on its own: the template body, or the record itself.</summary>
    public static string RecordBody(DestinationConfig config, JObject record)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(record);
        return config.BodyTemplate is { } template
            ? RecordFields.Compact(BodyTemplates.Render(template, [record], record))
            : RecordFields.Compact(record);
    }

    /// <summary>Other Props as an object (empty when not given), or why it is not a JSON object.</summary>
    internal static (JObject Props, string? Problem) ReadOtherProps(JToken? token)
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
                    return JToken.Parse((string)text!) is JObject parsed
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
