using FlowStudio.Web.Infrastructure;

namespace FlowStudio.Web.Features.Destinations;

internal static class DestinationsApi
{
    public static RouteGroupBuilder MapDestinationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/destinations").WithTags("Destinations");
        group.MapGet("/", ListAsync).WithName("ListDestinations");
        group.MapPost("/", CreateAsync).WithName("CreateDestination");
        group.MapPost("/sample-payloads", SampleUnsavedAsync).WithName("SampleUnsavedDestinationPayloads");
        group.MapGet("/{id}", GetAsync).WithName("GetDestination");
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateDestination");
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteDestination");
        group.MapGet("/{id}/sample-payloads", SampleAsync).WithName("GetDestinationSamplePayloads");
        group.MapPost("/{id}/test", SendTestDataAsync).WithName("SendDestinationTestData");
        group.MapPost("/{id}/dry-run", DryRunAsync).WithName("DryRunDestination");
        group.MapPost("/{id}/activate", (string id, DestinationService d, CancellationToken ct) => SetStatusAsync(id, ResourceStatus.Active, d, ct)).WithName("ActivateDestination");
        group.MapPost("/{id}/pause", (string id, DestinationService d, CancellationToken ct) => SetStatusAsync(id, ResourceStatus.Paused, d, ct)).WithName("PauseDestination");
        group.MapPost("/{id}/run", RunAsync).WithName("RunDestination");
        group.MapPost("/{id}/retry-failed", RetryFailedAsync).WithName("RetryFailedRecords");
        return api;
    }

    private static async Task<IResult> ListAsync(DestinationService destinations, string? datasetId, CancellationToken cancellationToken) =>
        TypedResults.Ok(await destinations.ListAsync(datasetId, cancellationToken));

    private static async Task<IResult> GetAsync(string id, DestinationService destinations, CancellationToken cancellationToken) =>
        await destinations.GetAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : ApiProblems.NotFound("Destination", id);

    private static async Task<IResult> CreateAsync(CreateDestinationRequest request, DestinationService destinations, CancellationToken cancellationToken)
    {
        var (created, errors) = await destinations.CreateAsync(request, cancellationToken);
        return created is null ? ApiProblems.Invalid(errors) : TypedResults.Created($"/api/destinations/{created.Id}", created);
    }

    private static async Task<IResult> UpdateAsync(string id, CreateDestinationRequest request, DestinationService destinations, CancellationToken cancellationToken)
    {
        var (updated, errors) = await destinations.UpdateAsync(id, request, cancellationToken);
        return updated is not null ? TypedResults.Ok(updated) : errors.Count == 0 ? ApiProblems.NotFound("Destination", id) : ApiProblems.Invalid(errors);
    }

    private static async Task<IResult> DeleteAsync(string id, DestinationService destinations, CancellationToken cancellationToken) =>
        await destinations.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : ApiProblems.NotFound("Destination", id);

    private static async Task<IResult> SampleUnsavedAsync(CreateDestinationRequest request, SamplePayloads samples, CancellationToken cancellationToken)
    {
        var (payloads, errors) = await samples.BuildAsync(request, cancellationToken);
        return payloads is null ? ApiProblems.Invalid(errors) : TypedResults.Ok(payloads);
    }

    private static async Task<IResult> SampleAsync(string id, SamplePayloads samples, CancellationToken cancellationToken) =>
        await samples.ForDestinationAsync(id, cancellationToken) switch
        {
            null => ApiProblems.NotFound("Destination", id),
            ({ } payloads, _) => TypedResults.Ok(payloads),
            (_, var errors) => ApiProblems.Invalid(errors),
        };

    private static async Task<IResult> SendTestDataAsync(string id, SendTestDataRequest? request, TestDataSender sender, CancellationToken cancellationToken)
    {
        var outcome = await sender.SendAsync(id, request?.Index ?? 0, request?.Payload, cancellationToken);
        if (outcome is null)
        {
            return ApiProblems.NotFound("Destination", id);
        }

        if (!outcome.Sent)
        {
            return ApiProblems.Invalid(outcome.Problems, outcome.Problems.Any(p => p.Field == TestDataOutcome.IndexField)
                ? StatusCodes.Status422UnprocessableEntity
                : StatusCodes.Status400BadRequest);
        }

        return TypedResults.Ok(new { status = outcome.Status, responseBody = outcome.ResponseBody, durationMs = outcome.DurationMs, error = outcome.TransportError });
    }

    private static async Task<IResult> DryRunAsync(string id, DestinationDryRun dryRun, CancellationToken cancellationToken) =>
        await dryRun.RunAsync(id, null, cancellationToken) switch
        {
            null => ApiProblems.NotFound("Destination", id),
            ({ } report, _) => TypedResults.Ok(report),
            (_, var errors) => ApiProblems.Invalid(errors),
        };

    private static async Task<IResult> SetStatusAsync(string id, ResourceStatus status, DestinationService destinations, CancellationToken cancellationToken) =>
        await destinations.SetStatusAsync(id, status, cancellationToken) is { } s ? TypedResults.Ok(new { status = s }) : ApiProblems.NotFound("Destination", id);

    private static async Task<IResult> RunAsync(string id, DestinationService destinations, CancellationToken cancellationToken) =>
        await destinations.StartRunAsync(id, cancellationToken) switch
        {
            null => ApiProblems.NotFound("Destination", id),
            "" => ApiProblems.Conflict("The destination is already delivering; wait for its run to finish."),
            var runId => TypedResults.Accepted($"/api/runs/{runId}", new { runId }),
        };

    private static async Task<IResult> RetryFailedAsync(string id, DestinationService destinations, CancellationToken cancellationToken) =>
        await destinations.RetryFailedAsync(id, cancellationToken) is { } outcome
            ? TypedResults.Ok(new { requeued = outcome.Requeued, runId = outcome.RunId })
            : ApiProblems.NotFound("Destination", id);
}
