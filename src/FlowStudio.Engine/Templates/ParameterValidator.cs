using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Templates;

/// <summary>Rules for one template parameter; each broken rule is one message naming the parameter.</summary>
internal static class ParameterValidator
{
    public static IEnumerable<string> Problems(TemplateParameter parameter, string direction)
    {
        var who = $"parameter '{parameter.Name}'";
        if (string.IsNullOrWhiteSpace(parameter.Name))
        {
            yield return $"a parameter has no name (label '{parameter.Label}')";
            yield break;
        }

        if (string.IsNullOrWhiteSpace(parameter.Label))
        {
            yield return $"{who} has no label";
        }

        if (!ParameterLocations.All.Contains(parameter.In))
        {
            yield return $"{who} has unknown 'in' value '{parameter.In}' (expected {string.Join(", ", ParameterLocations.All)})";
        }

        if (!ParameterTypes.All.Contains(parameter.Type))
        {
            yield return $"{who} has unknown type '{parameter.Type}' (expected {string.Join(", ", ParameterTypes.All)})";
        }

        if (parameter.Type == ParameterTypes.Field && direction != TemplateDirections.Destination)
        {
            yield return $"{who} is of type 'field', which only destinations can use";
        }

        if (parameter.Multiple && parameter.In != ParameterLocations.Query)
        {
            yield return $"{who} is 'multiple' but not a query parameter";
        }

        if (parameter.Type == ParameterTypes.Select && parameter.Options.Count == 0)
        {
            yield return $"{who} is a select without options";
        }

        if (parameter.Type != ParameterTypes.Select && parameter.Options.Count > 0)
        {
            yield return $"{who} has options but is of type '{parameter.Type}', not 'select'";
        }

        foreach (var option in parameter.Options)
        {
            if (string.IsNullOrWhiteSpace(option.Label) || option.Value is null)
            {
                yield return $"{who} has an option without a label or value";
            }
        }

        if (parameter.Default is { } value && DefaultProblem(parameter, value) is { } problem)
        {
            yield return $"{who} default '{value}' {problem}";
        }
    }

    private static string? DefaultProblem(TemplateParameter parameter, string value) => parameter.Type switch
    {
        ParameterTypes.Select when parameter.Options.Count > 0 && parameter.FindOption(value) is null =>
            $"is not one of its options ({string.Join(", ", parameter.Options.Select(o => o.Label))})",
        ParameterTypes.Boolean when value is not ("true" or "false") => "is not true or false",
        ParameterTypes.Integer when !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) =>
            "is not a whole number",
        ParameterTypes.Number when !decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) =>
            "is not a number",
        ParameterTypes.Json when !IsJson(value) => "is not valid JSON",
        _ => null,
    };

    private static bool IsJson(string value)
    {
        try
        {
            _ = JToken.Parse(value);
            return true;
        }
        catch (JsonReaderException)
        {
            return false;
        }
    }
}
