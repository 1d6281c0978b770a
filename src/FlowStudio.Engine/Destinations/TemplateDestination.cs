using System.Globalization;
using FlowStudio.Engine.Templates;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Destinations;

/// <summary>Builds a <see cref="DestinationConfig"/> from an endpoint template and the user's parameter values.</summary>
internal static class TemplateDestination
{
    public static DestinationConfig Build(EndpointTemplate template, IReadOnlyDictionary<string, string?> parameters)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(parameters);
        var values = template.ResolveParameters(parameters);
        var path = template.Path;
        var query = new List<string>();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in template.Parameters)
        {
            var value = values.GetValueOrDefault(parameter.Name);
            switch (parameter.In)
            {
                case ParameterLocations.Path:
                    path = path.Replace("{" + parameter.Name + "}", PathValue(parameter, value), StringComparison.Ordinal);
                    break;
                case ParameterLocations.Query when !string.IsNullOrWhiteSpace(value):
                    query.AddRange(QueryPairs(parameter, value));
                    break;
                case ParameterLocations.Header when !string.IsNullOrWhiteSpace(value):
                    headers[parameter.Name] = value;
                    break;
            }
        }

        var url = query.Count == 0 ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join("&", query);
        var delivery = template.Delivery ?? new DeliverySpec();
        var body = delivery.Body?.DeepClone() ?? (delivery.BatchSize is null ? null : new JValue(DeliverySpec.RecordsToken));
        if (body is not null)
        {
            body = Substitute(body, template, values);
            AddBodyParameters(body, template, values);
        }

        return new DestinationConfig
        {
            Method = template.Method.ToUpperInvariant(),
            Url = url,
            Headers = headers,
            Batching = delivery.BatchSize is { } size ? new BatchingOptions { Enabled = true, BatchSize = size } : BatchingOptions.Off,
            BodyTemplate = body,
            Encoding = delivery.Encoding,
            FilePart = delivery.FilePart,
            Idempotent = delivery.Idempotent,
            Template = template,
            Parameters = parameters,
        };
    }

    // A field parameter names the dataset field that holds the value, so it becomes a per-record URL macro.
    private static string PathValue(TemplateParameter parameter, string? value) =>
        parameter.Type == ParameterTypes.Field
            ? "{" + (string.IsNullOrWhiteSpace(value) ? parameter.Name : value.Trim()) + "}"
            : Uri.EscapeDataString(value ?? "");

    private static IEnumerable<string> QueryPairs(TemplateParameter parameter, string value)
    {
        var items = parameter.Multiple ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [value];
        foreach (var item in items)
        {
            var encoded = parameter.Type == ParameterTypes.Field ? "{" + item.Trim() + "}" : Uri.EscapeDataString(item);
            yield return Uri.EscapeDataString(parameter.Name) + "=" + encoded;
        }
    }

    private static JToken Substitute(JToken token, EndpointTemplate template, IReadOnlyDictionary<string, string?> values)
    {
        switch (token)
        {
            case JObject obj:
                foreach (var property in obj.Properties().ToList())
                {
                    property.Value = Substitute(property.Value, template, values);
                }

                return obj;
            case JArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = Substitute(array[i], template, values);
                }

                return array;
            case JValue { Type: JTokenType.String } text:
                return SubstituteText((string)text!, template, values);
            default:
                return token;
        }
    }

    private static JToken SubstituteText(string text, EndpointTemplate template, IReadOnlyDictionary<string, string?> values)
    {
        if (text.Length > 2 && text[0] == '{' && text[^1] == '}' && template.Parameter(text[1..^1]) is { } whole)
        {
            var value = values.GetValueOrDefault(whole.Name);
            return whole.Type == ParameterTypes.Field
                ? new JValue(BodyTemplates.RecordFieldPrefix + (string.IsNullOrWhiteSpace(value) ? whole.Name : value.Trim()))
                : Typed(whole, value);
        }

        foreach (var parameter in template.Parameters.Where(p => p.Type != ParameterTypes.Field))
        {
            text = text.Replace("{" + parameter.Name + "}", values.GetValueOrDefault(parameter.Name) ?? "", StringComparison.Ordinal);
        }

        return new JValue(text);
    }

    private static void AddBodyParameters(JToken body, EndpointTemplate template, IReadOnlyDictionary<string, string?> values)
    {
        if (body is not JObject obj)
        {
            return;
        }

        foreach (var parameter in template.Parameters.Where(p => p.In == ParameterLocations.Body && p.Type != ParameterTypes.Field))
        {
            if (obj[parameter.Name] is null && values.GetValueOrDefault(parameter.Name) is { } value)
            {
                obj[parameter.Name] = Typed(parameter, value);
            }
        }
    }

    private static JToken Typed(TemplateParameter parameter, string? value)
    {
        if (value is null)
        {
            return JValue.CreateNull();
        }

        return parameter.Type switch
        {
            ParameterTypes.Integer when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) => new JValue(whole),
            ParameterTypes.Number when decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => new JValue(number),
            ParameterTypes.Boolean when bool.TryParse(value, out var flag) => new JValue(flag),
            ParameterTypes.Json => ParseOrText(value),
            _ => new JValue(value),
        };
    }

    private static JToken ParseOrText(string value)
    {
        try
        {
            return JToken.Parse(value);
        }
        catch (JsonReaderException)
        {
            return new JValue(value);
        }
    }
}
