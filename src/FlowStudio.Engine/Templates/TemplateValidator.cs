using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Templates;

/// <summary>The rules a template must follow to be offered to users; each broken rule is one readable message.</summary>
internal static class TemplateValidator
{
    public static readonly IReadOnlyList<string> Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static IReadOnlyList<string> Problems(EndpointTemplate template, string direction)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(template.Name))
        {
            problems.Add("has no name");
        }

        if (!Methods.Contains(template.Method))
        {
            problems.Add($"has unknown method '{template.Method}' (expected {string.Join(", ", Methods)})");
        }

        if (!template.Path.StartsWith('/'))
        {
            problems.Add($"path '{template.Path}' must start with '/'");
        }

        problems.AddRange(template.Parameters.SelectMany(p => ParameterValidator.Problems(p, direction)));
        problems.AddRange(template.Parameters.GroupBy(p => p.Name).Where(g => g.Count() > 1)
            .Select(g => $"declares parameter '{g.Key}' more than once"));
        problems.AddRange(PathProblems(template));
        problems.AddRange(OptionalPath("dataPath", template.DataPath));
        problems.AddRange(OptionalPath("metadataPath", template.MetadataPath));
        problems.AddRange(PaginationValidator.Problems(template.Pagination));
        problems.AddRange(UndeclaredPlaceholders("body", template.Body, template));
        problems.AddRange(DeliveryProblems(template, direction));
        problems.AddRange(FieldProblems(template, direction));
        return problems;
    }

    private static IEnumerable<string> PathProblems(EndpointTemplate template)
    {
        var placeholders = EndpointTemplate.PathPlaceholders(template.Path);
        foreach (var name in placeholders)
        {
            var parameter = template.Parameter(name);
            if (parameter is null)
            {
                yield return $"path placeholder '{{{name}}}' has no parameter";
            }
            else if (parameter.In != ParameterLocations.Path)
            {
                yield return $"path placeholder '{{{name}}}' belongs to parameter '{name}', which is 'in: {parameter.In}', not 'in: path'";
            }
        }

        foreach (var parameter in template.Parameters.Where(p => p.In == ParameterLocations.Path && !placeholders.Contains(p.Name)))
        {
            yield return $"parameter '{parameter.Name}' is 'in: path' but the path has no '{{{parameter.Name}}}'";
        }
    }

    internal static IEnumerable<string> OptionalPath(string field, string? path)
    {
        if (path is not null && JsonPathSyntax.Problem(path) is { } problem)
        {
            yield return $"{field} {problem}";
        }
    }

    private static IEnumerable<string> DeliveryProblems(EndpointTemplate template, string direction)
    {
        var delivery = template.Delivery;
        if (direction != TemplateDirections.Destination)
        {
            if (delivery is not null)
            {
                yield return "has 'delivery', which only destination templates use";
            }

            yield break;
        }

        if (delivery is null)
        {
            yield return "is a destination template without 'delivery'";
            yield break;
        }

        if (delivery.BatchSize is < 1)
        {
            yield return $"delivery.batchSize {delivery.BatchSize} must be at least 1 (or null for one request per record)";
        }

        if (!DeliveryEncodings.All.Contains(delivery.Encoding))
        {
            yield return $"delivery.encoding '{delivery.Encoding}' is unknown (expected {string.Join(", ", DeliveryEncodings.All)})";
        }

        if (delivery.Encoding == DeliveryEncodings.MultipartFile && string.IsNullOrWhiteSpace(delivery.FilePart))
        {
            yield return "delivery.encoding 'multipartFile' needs a filePart";
        }

        var strings = Strings(delivery.Body).ToList();
        if (delivery.BatchSize is null && strings.Contains(DeliverySpec.RecordsToken))
        {
            yield return $"delivery.body uses '{DeliverySpec.RecordsToken}' but the template sends one record per request (batchSize null)";
        }

        if (delivery.BatchSize is not null && strings.Contains(DeliverySpec.RecordToken))
        {
            yield return $"delivery.body uses '{DeliverySpec.RecordToken}' but the template sends batches (use '{DeliverySpec.RecordsToken}')";
        }

        foreach (var problem in UndeclaredPlaceholders("delivery.body", delivery.Body, template))
        {
            yield return problem;
        }
    }

    private static IEnumerable<string> FieldProblems(EndpointTemplate template, string direction)
    {
        if (direction != TemplateDirections.Destination)
        {
            if (template.Fields.Count > 0)
            {
                yield return "has 'fields', which only destination templates use";
            }

            yield break;
        }

        if (template.Fields.Count == 0 && template.Method != "DELETE")
        {
            yield return "is a destination template without 'fields' (the fields each record carries)";
        }

        var optionalSeen = false;
        foreach (var field in template.Fields)
        {
            var name = string.IsNullOrWhiteSpace(field.Name) ? "(no name)" : field.Name;
            if (string.IsNullOrWhiteSpace(field.Name))
            {
                yield return "has a field without a name";
            }

            if (string.IsNullOrWhiteSpace(field.Label))
            {
                yield return $"field '{name}' has no label";
            }

            if (!FieldTypes.All.Contains(field.Type))
            {
                yield return $"field '{name}' has unknown type '{field.Type}' (expected {string.Join(", ", FieldTypes.All)})";
            }

            if (field.Required && optionalSeen)
            {
                yield return $"field '{name}' is required but listed after an optional field (required ones come first)";
            }

            optionalSeen |= !field.Required;
        }

        foreach (var group in template.Fields.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return $"declares field '{group.Key}' more than once";
        }
    }

    private static IEnumerable<string> UndeclaredPlaceholders(string field, JToken? body, EndpointTemplate template) =>
        Strings(body).SelectMany(EndpointTemplate.PathPlaceholders).Distinct()
            .Where(name => template.Parameter(name) is null)
            .Select(name => $"{field} refers to '{{{name}}}', which is not a declared parameter");

    private static IEnumerable<string> Strings(JToken? token) => token is null
        ? []
        : token.DescendantsAndSelf().OfType<JValue>().Where(v => v.Type == JTokenType.String).Select(v => (string)v!);

    private static IEnumerable<JToken> DescendantsAndSelf(this JToken token) =>
        token is JContainer container ? container.DescendantsAndSelf() : [token];
}
