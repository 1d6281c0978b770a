namespace FlowStudio.Sandbox.Clari;

/// <summary>
/// The Clari API's own paths. Ingestion lives under <c>/v2</c> (as the spec says) and is also served under <c>/v1</c>,
/// the prefix the Nexla Clari destination doc shows; everything else is under <c>/v4</c>.
/// </summary>
internal static class ClariApi
{
    public static RouteGroupBuilder MapClariApi(this RouteGroupBuilder group)
    {
        foreach (var version in (string[])["/v2", "/v1"])
        {
            group.MapGroup($"{version}/ingest").AddEndpointFilter(ClariAuth.Ingest).MapIngestApi().MapPicklistApi();
            group.MapGroup($"{version}/ingest").AddEndpointFilter(ClariAuth.IngestJob).MapGet("/job/{jobId}", IngestApi.GetJob);
        }

        group.MapGroup("/v4").AddEndpointFilter(ClariAuth.ApiKey)
            .MapExportApi()
            .MapExportJobsApi()
            .MapForecastApi()
            .MapAuditEventsApi()
            .MapOpportunityApi();
        return group;
    }
}
