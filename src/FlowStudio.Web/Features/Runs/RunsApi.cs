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
        group.MapGet("/{id}/jobs", JobsAsync).WithName("GetRunJobs");
        group.MapGet("/{id}/failures", FailuresAsync).WithName("GetRunFailures");
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
            recordId = s.RecordId,
            recordKey = s.RecordId.ToString(CultureInfo.InvariantCulture),
            outcome = s.Outcome,
            status = s.Status,
            error = s.Error,
            attempts = s.Attempts,
        }));
    }

    private static async Task<IResult> JobsAsync(string id, RunService runs, CancellationToken cancellationToken) =>
        TypedResults.Ok((await runs.JobsAsync(id, cancellationToken)).Select(j => new { j.JobId, j.State, j.Records }));

    private static async Task<IResult> FailuresAsync(string id, RunService runs, CancellationToken cancellationToken)
    {
        var failures = await runs.FailuresAsync(id, 1, cancellationToken);
        return TypedResults.Ok(new
        {
            failures.Count,
            Reasons = failures.Reasons.Select(r => new { Reason = r.Error, r.Records, r.Examples }),
        });
    }

    private static object ToDto(RunSummary r) => new
    {
        r.Id,
        r.ResourceId,
        r.Kind,
        r.Status,
        Label = r.StatusLabel,
        r.RecordsRead,
        r.RecordsSent,
        r.RecordsFailed,
        r.Requests,
        r.Error,
        r.StartedAt,
        r.FinishedAt,
        r.Version,
    };
}
