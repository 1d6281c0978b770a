using FlowStudio.Web.Data;
using FlowStudio.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

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
        group.MapPost("/{id}/activate", (string id, SourceService s, CancellationToken ct) => SetStatusAsync(id, "active", s, ct)).WithName("ActivateSource");
        group.MapPost("/{id}/pause", (string id, SourceService s, CancellationToken ct) => SetStatusAsync(id, "paused", s, ct)).WithName("PauseSource");
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

    private static async Task<IResult> DeleteAsync(string id, SourceService sources, CancellationToken cancellationToken) =>
        await sources.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : ApiProblems.NotFound("Source", id);

    private static async Task<IResult> TestAsync(string id, FlowStudioDb db, SourceTester tester, CancellationToken cancellationToken)
    {
        var source = await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return source is null
            ? ApiProblems.NotFound("Source", id)
            : ToResult(await tester.TestAsync(SourceService.ToRequest(source), cancellationToken, source.Cursor));
    }

    private static async Task<IResult> TestUnsavedAsync(CreateSourceRequest request, SourceTester tester, CancellationToken cancellationToken) =>
        ToResult(await tester.TestAsync(request, cancellationToken));

    internal static IResult ToResult(SourceTestOutcome outcome)
    {
        if (outcome.Sample is { } sample)
        {
            return TypedResults.Ok(new
            {
                records = sample.Records.Select(r => System.Text.Json.Nodes.JsonNode.Parse(r.ToString(Newtonsoft.Json.Formatting.None))),
                metadata = sample.Metadata is null ? null : System.Text.Json.Nodes.JsonNode.Parse(sample.Metadata.ToString(Newtonsoft.Json.Formatting.None)),
                suggestions = sample.Suggestions,
                requests = sample.Requests,
            });
        }

        if (outcome.ApiFailure is { } failure)
        {
            return TypedResults.Problem(
                detail: $"The API answered {failure.Method} {failure.Url} with {(failure.StatusCode == 0 ? "no response" : failure.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture))}: {Shorten(failure.ResponseBody)} Check the credential, the URL and its parameters.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The endpoint test failed.",
                extensions: new Dictionary<string, object?> { ["status"] = failure.StatusCode, ["responseBody"] = failure.ResponseBody });
        }

        return ApiProblems.Invalid(outcome.Errors);
    }

    private static async Task<IResult> SetStatusAsync(string id, string status, SourceService sources, CancellationToken cancellationToken) =>
        await sources.SetStatusAsync(id, status, cancellationToken) is { } s ? TypedResults.Ok(new { status = s }) : ApiProblems.NotFound("Source", id);

    private static async Task<IResult> RunAsync(string id, SourceService sources, CancellationToken cancellationToken) =>
        await sources.StartRunAsync(id, cancellationToken) is { } runId
            ? TypedResults.Accepted($"/api/runs/{runId}", new { runId })
            : ApiProblems.NotFound("Source", id);

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
