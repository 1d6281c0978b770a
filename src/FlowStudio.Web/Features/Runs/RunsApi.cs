using FlowStudio.Web.Data;
using FlowStudio.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Web.Features.Runs;

internal static class RunsApi
{
    public static RouteGroupBuilder MapRunsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/runs").WithTags("Runs");
        group.MapGet("/", ListAsync).WithName("ListRuns");
        group.MapGet("/{id}", GetAsync).WithName("GetRun");
        return api;
    }

    private static async Task<IResult> ListAsync(FlowStudioDb db, string? resourceId, int? limit, CancellationToken cancellationToken)
    {
        var query = db.Runs.AsNoTracking();
        if (!string.IsNullOrEmpty(resourceId))
        {
            query = query.Where(r => r.ResourceId == resourceId);
        }

        var runs = await query.OrderByDescending(r => r.StartedAt).Take(Math.Clamp(limit ?? 100, 1, 1000)).ToListAsync(cancellationToken);
        return TypedResults.Ok(runs.Select(ToDto));
    }

    private static async Task<IResult> GetAsync(string id, FlowStudioDb db, CancellationToken cancellationToken) =>
        await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is { } run
            ? TypedResults.Ok(ToDto(run))
            : ApiProblems.NotFound("Run", id);

    internal static object ToDto(Run r) => new
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
