using FlowStudio.Web.Data;
using FlowStudio.Web.Features.Destinations;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

using FlowStudio.Web.Htmx;

namespace FlowStudio.Web.Features.Runs;

/// <summary>Htmx fragment endpoints of the runs screens: the live run history, a run's details, and retrying its failed records.</summary>
internal static class RunPages
{
    public static IEndpointRouteBuilder MapRunPages(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/runs").ExcludeFromDescription();
        runs.MapGet("/history", History);
        runs.MapGet("/{id}/detail", DetailAsync);
        runs.MapPost("/{id}/retry-failed", RetryFailedAsync).RequireAntiforgery();
        return app;
    }

    /// <summary>The live run list; "run-history-refreshed" lets the page's counts follow it.</summary>
    private static RazorComponentResult<RunHistory> History(HttpContext context, string? resourceId, int? limit, bool? compact, int? waitForRun)
    {
        context.Response.Headers["HX-Trigger-After-Settle"] = "run-history-refreshed";
        return new(new
        {
            ResourceId = string.IsNullOrEmpty(resourceId) ? null : resourceId,
            Limit = Math.Clamp(limit ?? 100, 1, 1000),
            Compact = compact == true,
            WaitForRun = Math.Clamp(waitForRun ?? 0, 0, 5),
        });
    }

    private static async Task<IResult> DetailAsync(string id, FlowStudioDb db, CancellationToken cancellationToken) =>
        await db.Runs.AnyAsync(r => r.Id == id, cancellationToken) ? new RazorComponentResult<RunDetail>(new { RunId = id }) : Results.NotFound();

    private static async Task<IResult> RetryFailedAsync(string id, FlowStudioDb db, DestinationService destinations, CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null || run.Kind != "destination" || await destinations.GetAsync(run.ResourceId, cancellationToken) is null)
        {
            return Results.NotFound();
        }

        var retried = await destinations.RetryFailedAsync(run.ResourceId, cancellationToken);
        if (retried is not { Requeued: > 0 })
        {
            return new RazorComponentResult<RunDetail>(new { RunId = id, Message = "No failed records to retry." });
        }

        var newRun = retried.RunId;
        var message = $"{retried.Requeued} failed {(retried.Requeued == 1 ? "record is" : "records are")} queued again"
            + (newRun is null ? "; the destination's run in progress sends them." : ", and a new run is sending them.");
        return new RazorComponentResult<RunDetail>(new { RunId = id, Message = message, NewRunId = newRun });
    }
}
