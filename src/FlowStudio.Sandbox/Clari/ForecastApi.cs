namespace FlowStudio.Sandbox.Clari;

/// <summary><c>GET /forecast/{forecastId}</c>: the forecast right away, latest week only (CRM totals allowed here, unlike exports).</summary>
internal static class ForecastApi
{
    public static RouteGroupBuilder MapForecastApi(this RouteGroupBuilder group)
    {
        group.MapGet("/forecast/{forecastId}", GetForecastAsync);
        return group;
    }

    public static async Task<IResult> GetForecastAsync(string forecastId, HttpRequest request, ClariStore store, CancellationToken cancellationToken)
    {
        var tab = ClariSeedData.FindForecast(forecastId);
        if (tab is null)
        {
            return ClariErrors.Export(StatusCodes.Status400BadRequest, "no_such_forecast_config", "fcw",
                $"Forecast {forecastId} does not exist in the ForecastTemplate.");
        }

        var today = DateOnly.FromDateTime(store.Time.GetUtcNow().UtcDateTime);
        var (options, error) = await ForecastOptionsReader.ReadAsync(request, export: false, today, cancellationToken);
        if (options is null)
        {
            return error!;
        }

        var users = ClariSeedData.UsersInScope(options.ScopeId);
        return users is null
            ? NoOptIn(options.ScopeId!, forecastId)
            : ClariJson.Result(ForecastReport.Build(tab, options, users, today, latestWeekOnly: true));
    }

    public static IResult NoOptIn(string scopeId, string forecastId) =>
        ClariErrors.Export(StatusCodes.Status401Unauthorized, "no_optin", "fcw", $"No optins for scope {scopeId} for forecast '{forecastId}'.");
}
