using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>Checks a request body against field rules.</summary>
internal static class FieldValidator
{
    /// <param name="requireAll">True for create and full replace; false for PATCH, where only sent fields are checked.</param>
    public static List<FieldError> Validate(JsonObject body, IEnumerable<FieldRule> rules, bool requireAll)
    {
        var errors = new List<FieldError>();
        foreach (var rule in rules)
        {
            var present = body.TryGetPropertyValue(rule.Name, out var node);
            if (node is null)
            {
                if (rule.Required && (requireAll || present))
                {
                    errors.Add(new FieldError(rule.Name, $"{rule.Name} is required"));
                }

                continue;
            }

            if (Check(rule, node) is { } message)
            {
                errors.Add(new FieldError(rule.Name, message));
            }
        }

        return errors;
    }

    private static string? Check(FieldRule rule, JsonNode node)
    {
        var kind = node.GetValueKind();
        var text = kind == JsonValueKind.String ? node.GetValue<string>() : null;
        return rule.Kind switch
        {
            FieldKind.Text when text is null => $"{rule.Name} must be a string",
            FieldKind.Text when rule.Required && string.IsNullOrWhiteSpace(text) => $"{rule.Name} is required",
            FieldKind.Text when rule.MaxLength > 0 && text.Length > rule.MaxLength => $"{rule.Name} must be at most {rule.MaxLength} characters",
            FieldKind.Text when rule.Allowed is { } allowed && !allowed.Contains(text, StringComparer.Ordinal) =>
                $"{rule.Name} must be one of {string.Join(", ", allowed)}",
            FieldKind.Boolean when kind is not (JsonValueKind.True or JsonValueKind.False) => $"{rule.Name} must be true or false",
            FieldKind.Integer when kind != JsonValueKind.Number || !IsWhole(node) =>
                $"{rule.Name} must be an integer",
            FieldKind.Number when kind != JsonValueKind.Number => $"{rule.Name} must be a number",
            FieldKind.Date when !Timestamps.IsDate(text) => $"{rule.Name} must be a date in YYYY-MM-DD format",
            FieldKind.DateTime when !Timestamps.TryParse(text, out _) => $"{rule.Name} must be a date-time like 2024-01-01T00:00:00.000Z",
            FieldKind.Object when kind != JsonValueKind.Object => $"{rule.Name} must be an object",
            FieldKind.Array when kind != JsonValueKind.Array => $"{rule.Name} must be an array",
            FieldKind.Reference when kind is not (JsonValueKind.Number or JsonValueKind.String) => $"{rule.Name} must be an id or a uuid",
            _ => null,
        };
    }

    private static bool IsWhole(JsonNode node) =>
        decimal.TryParse(node.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
        && number == decimal.Truncate(number);
}
