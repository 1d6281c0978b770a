using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FlowStudio.Sandbox.Zoho;

/// <summary>Checks one input record's field values against the module's types: the first problem as Zoho's per-record error.</summary>
internal static partial class ZohoRecordCheck
{
    public static JsonObject? Problem(ZohoModule module, JsonObject input, int index, bool mandatory, Func<string, JsonObject?> findAccount)
    {
        foreach (var (name, value) in input)
        {
            if (module.Field(name) is not { ReadOnly: false } field || value is null)
            {
                continue;
            }

            if (ExpectedType(field, value, findAccount) is { } expected)
            {
                return expected == "lookup"
                    ? Error("INVALID_DATA", "the id given seems to be invalid", name, index)
                    : Error("INVALID_DATA", "invalid data", name, index, new JsonObject { ["expected_data_type"] = expected });
            }
        }

        var required = input[module.Mandatory];
        var missing = required is null || (required is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Trim().Length == 0);
        return (mandatory || input.ContainsKey(module.Mandatory)) && missing
            ? Error("MANDATORY_NOT_FOUND", "required field not found", module.Mandatory, index)
            : null;
    }

    public static JsonObject Error(string code, string message, string apiName, int index, JsonObject? more = null)
    {
        var details = new JsonObject();
        foreach (var (key, value) in more ?? [])
        {
            details[key] = value?.DeepClone();
        }

        details["api_name"] = apiName;
        details["json_path"] = $"$.data[{index.ToString(CultureInfo.InvariantCulture)}].{apiName}";
        return ZohoErrors.Body(code, message, details);
    }

    private static string? ExpectedType(ZohoField field, JsonNode value, Func<string, JsonObject?> findAccount)
    {
        var kind = value.GetValueKind();
        return field.Type switch
        {
            ZohoFieldType.Boolean => kind is JsonValueKind.True or JsonValueKind.False ? null : "boolean",
            ZohoFieldType.Email => kind == JsonValueKind.String && EmailPattern().IsMatch(value.GetValue<string>()) ? null : "email",
            ZohoFieldType.Date => kind == JsonValueKind.String && DateOnly.TryParseExact(value.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "date",
            ZohoFieldType.Lookup => value is JsonObject o && o["id"]?.GetValueKind() == JsonValueKind.String && findAccount(o["id"]!.GetValue<string>()) is not null ? null : "lookup",
            ZohoFieldType.Website => kind == JsonValueKind.String ? null : "website",
            ZohoFieldType.Phone => kind == JsonValueKind.String ? null : "phone",
            ZohoFieldType.Picklist => kind == JsonValueKind.String ? null : "picklist",
            _ => kind == JsonValueKind.String ? null : "text",
        };
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
