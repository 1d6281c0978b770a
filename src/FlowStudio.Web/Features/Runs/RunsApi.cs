using System.Globalization;
using FlowStudio.Web.Infrastructure;

namespace FlowStudio.Web.Features.Runs;

internal static class RunsApi
{
    public static RouteGroupBuilder MapRunsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/runs").WithTags("Runs");
        group.MapGet("/", ListAsync).WithName("ListRuns");
        group.MapGet("/{id}", GetAsync).WithName("GetRun");
        group.MapGet("/{id}/records", RecordsAsync).WithName("GetRunRecords");
        return api;
    }

    private static async Task<IResult> ListAsync(RunService runs, string? resourceId, string? status, int? limit, CancellationToken cancellationToken)
    {
        if (!QueryWords.TryRead<RunStatus>("status", status, out var only, out var problem))
        {
            return problem;
        }

        return TypedResults.Ok((await runs.ListAsync(new RunFilter(resourceId, only, limit ?? 100), cancellationToken)).Select(ToDto));
    }

    private static async Task<IResult> GetAsync(string id, RunService runs, CancellationToken cancellationToken) =>
        await runs.GetAsync(id, cancellationToken) is { } run
            ? TypedResults.Ok(ToDto(run))
            : ApiProblems.NotFound("Run", id);

    private static async Task<IResult> RecordsAsync(string id, string? outcome, RunService runs, CancellationToken cancellationToken)
    {
        if (!QueryWords.TryRead<DeliveryStateOutcome>("outcome", outcome, out var only, out var problem))
        {
            return problem;
        }

        return TypedResults.Ok((await runs.RecordsAsync(id, only, cancellationToken)).Select(s => new
        {
            recordKey = s.RecordId.ToString(CultureInfo.InvariantCulture),
            outcome = s.Outcome,
            status = s.Status,
            error = s.Error,
            attempts = s.Attempts,
        }));
    }

    private static object ToDto(RunSummary r) => new
    {
        r.Id,
        r.ResourceId,
        r.Kind,
        r.Status,
        r.RecordsRead,
        r.RecordsSent,
        r.RecordsFailed,
        r.Requests,
        r.Error,
        r.StartedAt,
        r.FinishedAt,
    };
}
