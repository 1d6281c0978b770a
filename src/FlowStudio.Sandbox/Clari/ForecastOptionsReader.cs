using System.Text.Json;

namespace FlowStudio.Sandbox.Clari;

/// <summary>
/// Reads forecast options from the query and, for exports, the JSON body (the body wins), and checks them
/// with the Forecast API's error codes.
/// </summary>
internal static class ForecastOptionsReader
{
    private const string Space = "fcw";

    public static async Task<(ForecastOptions? Options, IResult? Error)> ReadAsync(
        HttpRequest request, bool export, DateOnly today, CancellationToken cancellationToken)
    {
        var raw = RawOptions.FromQuery(request.Query);
        if (raw.Error is not null)
        {
            return (null, BadRequest(raw.Error));
        }

        if (export)
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync(cancellationToken);
            if (text.Trim().Length > 0)
            {
                raw = MergeBody(raw, text);
                if (raw.Error is not null)
                {
                    return (null, BadRequest(raw.Error));
                }
            }
        }

        return Check(raw, export, today);
    }

    private static RawOptions MergeBody(RawOptions raw, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? raw.With(document.RootElement) ?? raw with { Error = $"The request body was malformed: {text}" }
                : raw with { Error = $"The request body was malformed: {text}" };
        }
        catch (JsonException)
        {
            return raw with { Error = $"The request body was malformed: {text}" };
        }
    }

    private static (ForecastOptions?, IResult?) Check(RawOptions raw, bool export, DateOnly today)
    {
        var types = raw.Types?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        var invalid = types.Where(type => !ForecastOptions.AllTypes.Contains(type)).ToList();
        if (invalid.Count > 0)
        {
            return (null, BadRequest($"The following typesToExport values are invalid: [{string.Join(", ", invalid.Select(type => $"\"{type}\""))}]"));
        }

        if (export && types.Any(type => type is "crm_total" or "crm_closed"))
        {
            return (null, ClariErrors.Export(StatusCodes.Status400BadRequest, "type_not_supported", Space,
                "CRM Totals and CRM Closed are not supported typeToExport values for Export API. Please see Forecast API documentation if you’d like to retrieve CRM Totals or CRM Closed values."));
        }

        var currency = raw.Currency?.ToUpperInvariant() ?? ForecastOptions.OrgCurrency;
        if (!ForecastOptions.Rates.ContainsKey(currency))
        {
            return (null, BadRequest("The currency parameter is invalid."));
        }

        var schedule = raw.Schedule?.ToUpperInvariant() ?? "NONE";
        if (schedule is not ("NONE" or "ONCE" or "MAX"))
        {
            return (null, BadRequest("The schedule parameter is invalid."));
        }

        var format = raw.ExportFormat?.ToUpperInvariant() ?? "JSON";
        if (format is not "JSON" && (!export || format is not "CSV"))
        {
            return (null, BadRequest("The exportFormat parameter is invalid."));
        }

        var options = new ForecastOptions(
            FiscalQuarter.Resolve(raw.TimePeriod, today),
            types.Count == 0 ? ForecastOptions.DefaultTypes : types,
            string.IsNullOrEmpty(raw.ScopeId) ? null : raw.ScopeId,
            currency,
            schedule,
            raw.IncludeHistorical ?? false,
            format);
        return (options, null);
    }

    private static IResult BadRequest(string message) =>
        ClariErrors.Export(StatusCodes.Status400BadRequest, "bad_request", Space, message);
}
