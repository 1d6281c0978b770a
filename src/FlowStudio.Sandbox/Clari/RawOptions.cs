using System.Text.Json;

namespace FlowStudio.Sandbox.Clari;

/// <summary>Forecast options as sent, before they are checked.</summary>
internal sealed record RawOptions(
    string? TimePeriod,
    IReadOnlyList<string>? Types,
    string? ScopeId,
    string? Currency,
    string? Schedule,
    bool? IncludeHistorical,
    string? ExportFormat,
    string? Error = null)
{
    public static RawOptions FromQuery(IQueryCollection query)
    {
        string? Text(string name) => query[name].ToString() is { Length: > 0 } value ? value : null;

        var types = query["typesToExport"]
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        bool? historical = null;
        string? error = null;
        if (Text("includeHistorical") is { } flag)
        {
            historical = bool.TryParse(flag, out var parsed) ? parsed : null;
            error = historical is null ? "The includeHistorical parameter is invalid." : null;
        }

        return new RawOptions(
            Text("timePeriod"), types.Count > 0 ? types : null, Text("scopeId"), Text("currency"),
            Text("schedule"), historical, Text("exportFormat"), error);
    }

    /// <summary>These options overridden by a JSON body's; null when a body field has the wrong JSON type.</summary>
    public RawOptions? With(JsonElement body)
    {
        var result = this;
        foreach (var property in body.EnumerateObject())
        {
            var value = property.Value;
            var isText = value.ValueKind == JsonValueKind.String;
            var isNull = value.ValueKind == JsonValueKind.Null;
            switch (property.Name)
            {
                case "timePeriod" when isText || isNull:
                    result = result with { TimePeriod = value.GetString() };
                    break;
                case "scopeId" when isText || isNull:
                    result = result with { ScopeId = value.GetString() };
                    break;
                case "currency" when isText || isNull:
                    result = result with { Currency = value.GetString() };
                    break;
                case "schedule" when isText || isNull:
                    result = result with { Schedule = value.GetString() };
                    break;
                case "exportFormat" when isText || isNull:
                    result = result with { ExportFormat = value.GetString() };
                    break;
                case "includeHistorical" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    result = result with { IncludeHistorical = value.GetBoolean() };
                    break;
                case "typesToExport" when value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String):
                    result = result with { Types = value.EnumerateArray().Select(item => item.GetString()!).ToList() };
                    break;
                case "timePeriod" or "scopeId" or "currency" or "schedule" or "exportFormat" or "includeHistorical" or "typesToExport":
                    return null;
            }
        }

        return result;
    }
}
