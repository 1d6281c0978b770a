using System.Globalization;
using System.Text.Json;

namespace FlowStudio.Sandbox.Clari;

/// <summary>Starting bulk exports: forecast (200), activity (202) and audit events (202), all within the org's export limits.</summary>
internal static class ExportApi
{
    public static RouteGroupBuilder MapExportApi(this RouteGroupBuilder group)
    {
        group.MapPost("/export/forecast/{forecastId}", CreateForecastExportAsync);
        group.MapPost("/export/forecast", MissingForecastId);
        group.MapPost("/export/activity", CreateActivityExportAsync);
        group.MapPost("/export/audit/events", CreateAuditExportAsync);
        return group;
    }

    public static async Task<IResult> CreateForecastExportAsync(string forecastId, HttpRequest request, ClariStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(forecastId))
        {
            return MissingForecastId();
        }

        var tab = ClariSeedData.FindForecast(forecastId);
        if (tab is null)
        {
            return ClariErrors.Export(StatusCodes.Status400BadRequest, "no_such_forecast_config", "fcw",
                $"Forecast {forecastId} does not exist in the ForecastTemplate.");
        }

        var now = store.Time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var (options, error) = await ForecastOptionsReader.ReadAsync(request, export: true, today, cancellationToken);
        if (options is null)
        {
            return error!;
        }

        var users = ClariSeedData.UsersInScope(options.ScopeId);
        if (users is null)
        {
            return ForecastApi.NoOptIn(options.ScopeId!, forecastId);
        }

        var extension = options.ExportFormat == "CSV" ? "csv" : "json";
        var fileName = $"clari_export_forecast_{forecastId}_{options.TimePeriod.Id}_{Stamp(now)}.{extension}";
        var job = store.ExportJobs.TrySubmit((jobId, submitted) => new ExportJob(
            jobId, "FORECAST", tab.Name, fileName, options.ExportFormat, options.Currency, submitted, () =>
            {
                var payload = ForecastReport.Build(tab, options, users, today, latestWeekOnly: false);
                return options.ExportFormat == "CSV"
                    ? Results.Text(ForecastCsv.Write(payload, options), "text/csv")
                    : ClariJson.Result(payload);
            }));
        return job is null ? ClariErrors.QuotaReached(store.Options) : ClariJson.Result(new { jobId = job.JobId });
    }

    public static IResult MissingForecastId() =>
        ClariErrors.Export(StatusCodes.Status400BadRequest, "missing_forecast_id", "fcw", "The forecastId query parameter is required.");

    public static async Task<IResult> CreateActivityExportAsync(HttpRequest request, ClariStore store, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var (activityRequest, error) = ActivityExportRequest.Read(await reader.ReadToEndAsync(cancellationToken));
        if (activityRequest is null)
        {
            return error!;
        }

        var now = store.Time.GetUtcNow();
        var job = store.ExportJobs.TrySubmit((jobId, submitted) => new ExportJob(
            jobId, "ACTIVITY", "Activity Export", $"clari_export_activity_{Stamp(now)}.json", "JSON", ForecastOptions.OrgCurrency, submitted,
            () => ClariJson.Result(new { activities = ActivitySeed.Build(now).Where(activityRequest.Matches).ToList() })));
        return Accepted(job, store);
    }

    public static async Task<IResult> CreateAuditExportAsync(HttpRequest request, ClariStore store, CancellationToken cancellationToken)
    {
        var now = store.Time.GetUtcNow();
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        AuditEventQuery? query;
        IResult? error;
        try
        {
            using var document = JsonDocument.Parse(text.Trim().Length == 0 ? "{}" : text);
            (query, error) = AuditEventQuery.FromBody(document.RootElement, now);
        }
        catch (JsonException)
        {
            (query, error) = (null, ClariErrors.Audit("invalid_request", "The request body was malformed.", "body", text));
        }

        if (query is null)
        {
            return error!;
        }

        var job = store.ExportJobs.TrySubmit((jobId, submitted) => new ExportJob(
            jobId, "AUDIT", "Audit Events Export", $"clari_export_audit_events_{Stamp(now)}.json", "JSON", ForecastOptions.OrgCurrency, submitted,
            () =>
            {
                var items = AuditEventSeed.Build(now).Where(query.Matches).ToList();
                return ClariJson.Result(new { items, actors = AuditEventSeed.ActorsOf(items) });
            }));
        return Accepted(job, store);
    }

    private static IResult Accepted(ExportJob? job, ClariStore store) =>
        job is null
            ? ClariErrors.QuotaReached(store.Options)
            : ClariJson.Result(new { jobId = job.JobId }, statusCode: StatusCodes.Status202Accepted);

    private static string Stamp(DateTimeOffset now) => now.UtcDateTime.ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture);
}
