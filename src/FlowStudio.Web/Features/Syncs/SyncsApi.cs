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

    private static async Task<IResult> SetStatusAsync(string id, ResourceStatus status, SyncService syncs, CancellationToken cancellationToken) =>
        await syncs.SetStatusAsync(id, status, cancellationToken) is { } view ? TypedResults.Ok(new { status = view.Status }) : ApiProblems.NotFound("Sync", id);
}
