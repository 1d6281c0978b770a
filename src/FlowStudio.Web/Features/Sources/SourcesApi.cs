using FlowStudio.Web.Infrastructure;

namespace FlowStudio.Web.Features.Sources;

internal static class SourcesApi
{
    public static RouteGroupBuilder MapSourcesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sources").WithTags("Sources");
        group.MapGet("/", ListAsync).WithName("ListSources");
        group.MapPost("/", CreateAsync).WithName("CreateSource");
        group.MapPost("/test", TestUnsavedAsync).WithName("TestUnsavedSource");
        group.MapGet("/{id}", GetAsync).WithName("GetSource");
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateSource");
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteSource");
        group.MapPost("/{id}/test", TestAsync).WithName("TestSource");
        group.MapPost("/{id}/activate", (string id, SourceService s, CancellationToken ct) => SetStatusAsync(id, ResourceStatus.Active, s, ct)).WithName("ActivateSource");
        group.MapPost("/{id}/pause", (string id, SourceService s, CancellationToken ct) => SetStatusAsync(id, ResourceStatus.Paused, s, ct)).WithName("PauseSource");
        group.MapPost("/{id}/run", RunAsync).WithName("RunSource");
        return api;
    }

    private static async Task<IResult> ListAsync(SourceService sources, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sources.ListAsync(cancellationToken));

    private static async Task<IResult> GetAsync(string id, SourceService sources, CancellationToken cancellationToken) =>
        await sources.GetAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : ApiProblems.NotFound("Source", id);

    private static async Task<IResult> CreateAsync(CreateSourceRequest request, SourceService sources, CancellationToken cancellationToken)
    {
        var (created, errors) = await sources.CreateAsync(request, cancellationToken);
        return created is null ? ApiProblems.Invalid(errors) : TypedResults.Created($"/api/sources/{created.Id}", created);
    }

    private static async Task<IResult> UpdateAsync(string id, CreateSourceRequest request, SourceService sources, CancellationToken cancellationToken)
    {
        var (updated, errors) = await sources.UpdateAsync(id, request, cancellationToken);
        return updated is not null ? TypedResults.Ok(updated) : errors.Count == 0 ? ApiProblems.NotFound("Source", id) : ApiProblems.Invalid(errors);
    }

    /// <summary>
    /// Refused with 409 while destinations send the source's dataset (the problem lists them) unless <c>?cascade=true</c>,
    /// which deletes them with the source.
    /// </summary>
    private static async Task<IResult> DeleteAsync(string id, bool? cascade, SourceDeletion deletion, CancellationToken cancellationToken)
    {
        var outcome = await deletion.DeleteAsync(id, cascade == true, cancellationToken);
        if (!outcome.Found)
        {
            return ApiProblems.NotFound("Source", id);
        }

        if (outcome.Deleted)
        {
            return TypedResults.NoContent();
        }

        var names = string.Join(", ", outcome.Destinations.Select(d => $"“{d.Name}”"));
        return TypedResults.Problem(
            detail: $"{outcome.Destinations.Count} destination{(outcome.Destinations.Count == 1 ? "" : "s")} send{(outcome.Destinations.Count == 1 ? "s" : "")} this source's dataset: {names}. "
                + $"Delete {(outcome.Destinations.Count == 1 ? "it" : "them")} first, or send DELETE /api/sources/{id}?cascade=true to delete the source with {(outcome.Destinations.Count == 1 ? "it" : "them")}.",
            statusCode: StatusCodes.Status409Conflict,
            title: "The source has destinations.",
            extensions: new Dictionary<string, object?> { ["destinations"] = outcome.Destinations.Select(d => new { id = d.Id, name = d.Name }).ToArray() });
    }

    private static async Task<IResult> TestAsync(string id, SourceTester tester, CancellationToken cancellationToken) =>
        await tester.TestSavedAsync(id, cancellationToken) is { } outcome ? ToResult(outcome) : ApiProblems.NotFound("Source", id);

    private static async Task<IResult> TestUnsavedAsync(CreateSourceRequest request, SourceTester tester, CancellationToken cancellationToken) =>
        ToResult(await tester.TestAsync(request, cancellationToken));

    internal static IResult ToResult(SourceTestOutcome outcome)
    {
        if (outcome.Sample is { } sample)
        {
            return TypedResults.Ok(new
            {
                records = BoundedRecords(sample.Records),
                metadata = sample.Metadata,
                suggestions = sample.Suggestions,
                requests = sample.Requests,
            });
        }

        if (outcome.ApiFailure is { } failure)
        {
            return TypedResults.Problem(
                detail: failure.StatusCode == 0
                    ? $"{failure.Message}. Check the URL and its parameters."
                    : $"The API answered {failure.Method} {failure.Url} with {failure.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {Shorten(failure.ResponseBody)} Check the credential, the URL and its parameters.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The endpoint test failed.",
                extensions: new Dictionary<string, object?> { ["apiStatus"] = failure.StatusCode, ["responseBody"] = Excerpt.Of(failure.ResponseBody) });
        }

        return ApiProblems.Invalid(outcome.Errors);
    }

    private static async Task<IResult> SetStatusAsync(string id, ResourceStatus status, SourceService sources, CancellationToken cancellationToken) =>
        await sources.SetStatusAsync(id, status, cancellationToken) is { } s ? TypedResults.Ok(new { status = s }) : ApiProblems.NotFound("Source", id);

    private static async Task<IResult> RunAsync(string id, SourceService sources, CancellationToken cancellationToken) =>
        await sources.StartRunAsync(id, cancellationToken) is { } runId
            ? TypedResults.Accepted($"/api/runs/{runId}", new { runId })
            : ApiProblems.NotFound("Source", id);

    /// <summary>The most characters of sample records one test answer carries; records past it are left out.</summary>
    private const int MaxSampleChars = 1024 * 1024;

    private static List<System.Text.Json.Nodes.JsonNode?> BoundedRecords(IEnumerable<System.Text.Json.Nodes.JsonObject> records)
    {
        var shown = new List<System.Text.Json.Nodes.JsonNode?>();
        var total = 0;
        foreach (var record in records)
        {
            total += FlowStudio.Engine.Paths.JsonText.Compact(record).Length;
            if (total > MaxSampleChars)
            {
                shown.Add(new System.Text.Json.Nodes.JsonObject
                {
                    ["_notShown"] = "The remaining sample records are over the 1 MB a test shows; run the source to read them all.",
                });
                break;
            }

            shown.Add(record);
        }

        return shown;
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
