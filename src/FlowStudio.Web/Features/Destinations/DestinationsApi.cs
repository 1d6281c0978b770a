using FlowStudio.Engine.Destinations;
using FlowStudio.Web.Data;
using FlowStudio.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

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
        group.MapPost("/{id}/activate", (string id, DestinationService d, CancellationToken ct) => SetStatusAsync(id, "active", d, ct)).WithName("ActivateDestination");
        group.MapPost("/{id}/pause", (string id, DestinationService d, CancellationToken ct) => SetStatusAsync(id, "paused", d, ct)).WithName("PauseDestination");
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

    private static async Task<IResult> SampleAsync(string id, FlowStudioDb db, SamplePayloads samples, CancellationToken cancellationToken)
    {
        var destination = await db.Destinations.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        return destination is null ? ApiProblems.NotFound("Destination", id) : await SampleUnsavedAsync(DestinationService.ToRequest(destination), samples, cancellationToken);
    }

    private static async Task<IResult> SendTestDataAsync(
        string id, SendTestDataRequest? request, FlowStudioDb db, DestinationPlanner planner, SamplePayloads samples, DeliveryRunner runner, CancellationToken cancellationToken)
    {
        var destination = await db.Destinations.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (destination is null)
        {
            return ApiProblems.NotFound("Destination", id);
        }

        var (plan, errors) = await planner.PlanAsync(DestinationService.ToRequest(destination), cancellationToken);
        if (plan is null)
        {
            return ApiProblems.Invalid(errors);
        }

        var (payloads, error) = await samples.OutboundAsync(plan, cancellationToken);
        if (error is not null)
        {
            return ApiProblems.Invalid([error]);
        }

        var index = request?.Index ?? 0;
        if (payloads is null || index < 0 || index >= payloads.Count)
        {
            return ApiProblems.Invalid("index", payloads is { Count: 0 } ? "The dataset has no records to build a test payload from; run its source first." : $"There is no sample payload {index}.", StatusCodes.Status422UnprocessableEntity);
        }

        var payload = payloads[index];
        if (request?.Payload is { } edited)
        {
            if (InputLimits.Check("payload", edited, InputLimits.PayloadEdit) is { } tooLong)
            {
                return ApiProblems.Invalid([tooLong]);
            }

            try
            {
                Newtonsoft.Json.Linq.JToken.Parse(edited);
            }
            catch (Newtonsoft.Json.JsonReaderException ex)
            {
                return ApiProblems.Invalid("payload", $"The edited payload is not valid JSON: {ex.Message}");
            }

            payload = payload with { Body = edited };
        }

        var result = await runner.SendTestDataAsync(plan.Connection, payload, cancellationToken);
        return TypedResults.Ok(new { status = result.Status, responseBody = Excerpt.Of(result.ResponseBody), durationMs = result.DurationMs, error = result.Error });
    }

    private static async Task<IResult> SetStatusAsync(string id, string status, DestinationService destinations, CancellationToken cancellationToken) =>
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
