using System.Globalization;
using System.Text;
using FlowStudio.Engine.Macros;
using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Templates;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Sources;

/// <summary>Fills a source template's path, query, body and headers from the user's parameter values.</summary>
internal static class TemplateSourceBuilder
{
    public static SourceConfig Build(EndpointTemplate template, IReadOnlyDictionary<string, string?> parameters)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(parameters);
        var values = template.ResolveParameters(parameters);
        var errors = new List<FieldError>();
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in template.Parameters)
        {
            var value = values.GetValueOrDefault(parameter.Name);
            if (string.IsNullOrWhiteSpace(value))
            {
                if (parameter.Required || parameter.In == ParameterLocations.Path)
                {
                    errors.Add(new FieldError($"parameters.{parameter.Name}", $"{LabelOf(parameter)} is required."));
                }

                continue;
            }

            if (TypeProblem(parameter, value) is { } problem)
            {
                errors.Add(new FieldError($"parameters.{parameter.Name}", problem));
                continue;
            }

            given[parameter.Name] = parameter.Type == ParameterTypes.Boolean ? value.Trim().ToLowerInvariant() : value;
        }

        if (errors.Count > 0)
        {
            throw new InvalidSourceException(errors);
        }

        var url = new StringBuilder(template.Path);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in template.Parameters.Where(p => given.ContainsKey(p.Name)))
        {
            var value = given[parameter.Name];
            switch (parameter.In)
            {
                case ParameterLocations.Path:
                    url.Replace("{" + parameter.Name + "}", EscapeKeepingMacros(value));
                    break;
                case ParameterLocations.Query:
                    var items = parameter.Multiple ? value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [value];
                    foreach (var item in items)
                    {
                        url.Append(url.ToString().Contains('?', StringComparison.Ordinal) ? '&' : '?')
                            .Append(Uri.EscapeDataString(parameter.Name)).Append('=').Append(EscapeKeepingMacros(item));
                    }

                    break;
                case ParameterLocations.Header:
                    headers[parameter.Name] = value;
                    break;
            }
        }

        return new SourceConfig
        {
            Method = template.Method.ToUpperInvariant(),
            Url = url.ToString(),
            Headers = headers,
            Body = BuildBody(template, given),
            DataPath = template.DataPath,
            MetadataPath = template.MetadataPath,
            Pagination = template.Pagination,
            Key = template.Key,
        };
    }

    private static string LabelOf(TemplateParameter parameter) =>
        string.IsNullOrWhiteSpace(parameter.Label) ? parameter.Name : parameter.Label;

    private static string? TypeProblem(TemplateParameter parameter, string value)
    {
        if (MacroExpander.Find(value).Count > 0)
        {
            return null;
        }

        var label = LabelOf(parameter);
        return parameter.Type switch
        {
            ParameterTypes.Integer when !long.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _) =>
                $"{label} must be a whole number.",
            ParameterTypes.Number when !decimal.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _) =>
                $"{label} must be a number.",
            ParameterTypes.Boolean when !bool.TryParse(value.Trim(), out _) => $"{label} must be true or false.",
            ParameterTypes.Select when parameter.FindOption(value) is null =>
                $"{label} must be one of: {string.Join(", ", parameter.Options.Select(o => o.Label))}.",
            ParameterTypes.Json when !IsJson(value) => $"{label} must be valid JSON.",
            _ => null,
        };
    }

    private static bool IsJson(string value)
    {
        try
        {
            _ = JsonText.Parse(value);
            return true;
        }
        catch (JsonReaderException)
        {
            return false;
        }
    }

    /// <summary>URL-encodes a value but keeps its macros, so <c>{now-7}</c> or <c>{clients.id}</c> expand at read time.</summary>
    private static string EscapeKeepingMacros(string value)
    {
        var macros = MacroExpander.Find(value);
        if (macros.Count == 0 || MacroExpander.Validate(value).Count > 0)
        {
            return Uri.EscapeDataString(value);
        }

        var result = new StringBuilder();
        var copied = 0;
        foreach (var macro in macros)
        {
            result.Append(Uri.EscapeDataString(value[copied..macro.Start])).Append(macro.Text);
            copied = macro.Start + macro.Text.Length;
        }

        return result.Append(Uri.EscapeDataString(value[copied..])).ToString();
    }

    private static string? BuildBody(EndpointTemplate template, Dictionary<string, string> given)
    {
        var typed = template.Parameters.Where(p => given.ContainsKey(p.Name))
            .ToDictionary(p => p.Name, p => Typed(p, given[p.Name]), StringComparer.Ordinal);
        var declared = template.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var body = template.Body is null ? null : Fill(template.Body.DeepClone(), typed, declared);
        var bodyParameters = template.Parameters.Where(p => p.In == ParameterLocations.Body && typed.ContainsKey(p.Name)).ToList();
        if (bodyParameters.Count > 0)
        {
            body ??= new JObject();
            if (body is JObject obj)
            {
                foreach (var parameter in bodyParameters)
                {
                    obj[parameter.Name] = typed[parameter.Name].DeepClone();
                }
            }
        }

        return body?.ToString(Formatting.None);
    }

    private static JToken Typed(TemplateParameter parameter, string value) => parameter.Type switch
    {
        ParameterTypes.Integer when long.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
        ParameterTypes.Number when decimal.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        ParameterTypes.Boolean when bool.TryParse(value.Trim(), out var flag) => flag,
        ParameterTypes.Json => JsonText.Parse(value),
        _ => value,
    };

    /// <summary>Replaces <c>"{param}"</c> strings by typed values (dropping them when the parameter has no value).</summary>
    private static JToken? Fill(JToken token, Dictionary<string, JToken> typed, HashSet<string> declared)
    {
        switch (token)
        {
            case JObject obj:
                foreach (var property in obj.Properties().ToList())
                {
                    var filled = Fill(property.Value, typed, declared);
                    if (filled is null)
                    {
                        property.Remove();
                    }
                    else
                    {
                        property.Value = filled;
                    }
                }

                return obj;
            case JArray array:
                var items = array.Select(item => Fill(item, typed, declared)).OfType<JToken>().ToList();
                return new JArray(items);
            case JValue { Type: JTokenType.String } value:
                var text = value.Value<string>()!;
                if (text.Length > 2 && text[0] == '{' && text[^1] == '}' && declared.Contains(text[1..^1]))
                {
                    return typed.TryGetValue(text[1..^1], out var replacement) ? replacement.DeepClone() : null;
                }

                foreach (var name in declared)
                {
                    text = text.Replace("{" + name + "}", typed.TryGetValue(name, out var part) ? PlainText(part) : string.Empty, StringComparison.Ordinal);
                }

                return new JValue(text);
            default:
                return token;
        }
    }

    private static string PlainText(JToken token) =>
        token is JValue { Value: { } raw } ? Convert.ToString(raw, CultureInfo.InvariantCulture) ?? string.Empty : token.ToString(Formatting.None);
}
