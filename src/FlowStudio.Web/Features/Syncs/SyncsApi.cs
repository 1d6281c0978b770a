using FlowStudio.Web.Infrastructure;

namespace FlowStudio.Web.Features.Syncs;

internal static class SyncsApi
{
    public static RouteGroupBuilder MapSyncsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/syncs").WithTags("Syncs");
        group.MapGet("/", ListAsync).WithName("ListSyncs");
        group.MapGet("/fields", Fields).WithName("SyncFields");
        group.MapPost("/", CreateAsync).WithName("CreateSync");
        group.MapGet("/{id}", GetAsync).WithName("GetSync");
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateSync");
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteSync");
        group.MapPost("/{id}/activate", (string id, SyncService s, CancellationToken ct) => SetStatusAsync(id, ResourceStatus.Active, s, ct)).WithName("ActivateSync");
        group.MapPost("/{id}/preview", PreviewAsync).WithName("PreviewSync");
        group.MapPost("/{id}/import", (string id, SyncService s, CancellationToken ct) => StartAsync(id, s.ImportAsync, ct)).WithName("ImportSync");
        group.MapPost("/{id}/run", (string id, SyncService s, CancellationToken ct) => StartAsync(id, s.RunAsync, ct)).WithName("RunSync");
        group.MapGet("/{id}/runs/{runId}/report", ReportAsync).WithName("SyncRunReport");
        group.MapPost("/{id}/pause", (string id, SyncService s, CancellationToken ct) => SetStatusAsync(id, ResourceStatus.Paused, s, ct)).WithName("PauseSync");
        return api;
    }

    private static async Task<IResult> ListAsync(SyncService syncs, CancellationToken cancellationToken) =>
        TypedResults.Ok(await syncs.ListAsync(cancellationToken));

    /// <summary>Each object's fields on both sides and the mappings proposed for a new sync.</summary>
    private static IResult Fields(SyncService syncs) => TypedResults.Ok(
        Enum.GetValues<SyncObject>().ToDictionary(
            o => o.ToWord() + "s",
            o => new { clientSuccess = syncs.Fields(SyncSide.ClientSuccess, o), crm = syncs.Fields(SyncSide.Crm, o), proposed = syncs.Propose(o) }));

    private static async Task<IResult> GetAsync(string id, SyncService syncs, CancellationToken cancellationToken) =>
        await syncs.GetAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : ApiProblems.NotFound("Sync", id);

    private static async Task<IResult> CreateAsync(TwoWaySyncRequest request, SyncService syncs, CancellationToken cancellationToken)
    {
        var (created, errors) = await syncs.CreateAsync(request, cancellationToken);
        return created is null ? ApiProblems.Invalid(errors) : TypedResults.Created($"/api/syncs/{created.Id}", created);
    }

    private static async Task<IResult> UpdateAsync(string id, TwoWaySyncRequest request, SyncService syncs, CancellationToken cancellationToken)
    {
        var (updated, errors) = await syncs.UpdateAsync(id, request, cancellationToken);
        return updated is not null ? TypedResults.Ok(updated) : errors.Count == 0 ? ApiProblems.NotFound("Sync", id) : ApiProblems.Invalid(errors);
    }

    private static async Task<IResult> DeleteAsync(string id, SyncService syncs, CancellationToken cancellationToken) =>
        await syncs.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : ApiProblems.NotFound("Sync", id);

    /// <summary>The filters' matching CRM records and the dry run of the next pass; 502 when a side cannot be read.</summary>
    private static async Task<IResult> PreviewAsync(string id, SyncService syncs, CancellationToken cancellationToken)
    {
        try
        {
            return await syncs.PreviewAsync(id, cancellationToken) is { } preview ? TypedResults.Ok(preview) : ApiProblems.NotFound("Sync", id);
        }
        catch (SyncCallException ex)
        {
            return TypedResults.Problem(detail: ex.Message, statusCode: StatusCodes.Status502BadGateway, title: "A side of the sync could not be read.");
        }
    }

    private static async Task<IResult> StartAsync(
        string id, Func<string, CancellationToken, Task<(RunStart? Run, string? Problem)>> start, CancellationToken cancellationToken) =>
        await start(id, cancellationToken) switch
        {
            ({ } run, _) => TypedResults.Accepted($"/api/runs/{run.RunId}", new { runId = run.RunId }),
            (_, { } problem) => ApiProblems.Conflict(problem),
            _ => ApiProblems.NotFound("Sync", id),
        };

    private static async Task<IResult> ReportAsync(string id, string runId, SyncService syncs, CancellationToken cancellationToken) =>
        await syncs.ReportAsync(runId, cancellationToken) is { } report ? TypedResults.Ok(report) : ApiProblems.NotFound("Sync run report", runId);

    private static async Task<IResult> SetStatusAsync(string id, ResourceStatus status, SyncService syncs, CancellationToken cancellationToken) =>
        await syncs.SetStatusAsync(id, status, cancellationToken) is { } view ? TypedResults.Ok(new { status = view.Status }) : ApiProblems.NotFound("Sync", id);
}
