namespace FlowStudio.Sandbox.Clari;

/// <summary>What a forecast request asks for (POST export body or query, or GET forecast query).</summary>
internal sealed record ForecastOptions(
    FiscalQuarter TimePeriod,
    IReadOnlyList<string> TypesToExport,
    string? ScopeId,
    string Currency,
    string Schedule,
    bool IncludeHistorical,
    string ExportFormat)
{
    public static readonly IReadOnlyList<string> AllTypes = ["forecast", "quota", "forecast_updated", "adjustment", "crm_total", "crm_closed"];

    public static readonly IReadOnlyList<string> DefaultTypes = ["forecast", "forecast_updated"];

    /// <summary>The org's currency when a request names none.</summary>
    public const string OrgCurrency = "USD";

    /// <summary>Fixed conversion rates from the org currency.</summary>
    public static readonly IReadOnlyDictionary<string, decimal> Rates = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["USD"] = 1m, ["EUR"] = 0.92m, ["GBP"] = 0.79m, ["CAD"] = 1.36m, ["AUD"] = 1.52m, ["JPY"] = 151m,
        ["INR"] = 83m, ["CHF"] = 0.88m, ["SEK"] = 10.5m, ["SGD"] = 1.34m, ["NZD"] = 1.64m, ["BRL"] = 5.1m, ["MXN"] = 17m,
    };

    public bool Wants(string type) => TypesToExport.Contains(type);
}
