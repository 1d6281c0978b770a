using FlowStudio.Web.Infrastructure;

namespace FlowStudio.Web.Features.Transforms;

internal static class TransformsApi
{
    public static RouteGroupBuilder MapTransformsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/transforms").WithTags("Transforms");
        group.MapGet("/", ListAsync).WithName("ListTransforms");
        group.MapPost("/", CreateAsync).WithName("CreateTransform");
        group.MapPost("/preview", PreviewUnsavedAsync).WithName("PreviewUnsavedTransform");
        group.MapGet("/{id}", GetAsync).WithName("GetTransform");
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateTransform");
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteTransform");
        group.MapPost("/{id}/preview", PreviewAsync).WithName("PreviewTransform");
        return api;
    }

    private static async Task<IResult> ListAsync(TransformService transforms, string? inputDatasetId, CancellationToken cancellationToken) =>
        TypedResults.Ok(await transforms.ListAsync(inputDatasetId, cancellationToken));

    private static async Task<IResult> GetAsync(string id, TransformService transforms, CancellationToken cancellationToken) =>
        await transforms.GetAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : ApiProblems.NotFound("Transform", id);

    private static async Task<IResult> CreateAsync(TransformRequest request, TransformService transforms, CancellationToken cancellationToken)
    {
        var (created, errors) = await transforms.CreateAsync(request, cancellationToken);
        return created is null ? ApiProblems.Invalid(errors) : TypedResults.Created($"/api/transforms/{created.Id}", created);
    }

    private static async Task<IResult> UpdateAsync(string id, TransformRequest request, TransformService transforms, CancellationToken cancellationToken)
    {
        var (updated, errors) = await transforms.UpdateAsync(id, request, cancellationToken);
        return updated is not null ? TypedResults.Ok(updated) : errors.Count == 0 ? ApiProblems.NotFound("Transform", id) : ApiProblems.Invalid(errors);
    }

    private static async Task<IResult> DeleteAsync(string id, TransformService transforms, CancellationToken cancellationToken) =>
        await transforms.DeleteAsync(id, cancellationToken) switch
        {
            (false, _) => ApiProblems.NotFound("Transform", id),
            (_, { } problem) => ApiProblems.Conflict(problem),
            _ => TypedResults.NoContent(),
        };

    private static async Task<IResult> PreviewUnsavedAsync(TransformRequest request, TransformService transforms, CancellationToken cancellationToken)
    {
        var (preview, errors) = await transforms.PreviewAsync(request, cancellationToken);
        return preview is null ? ApiProblems.Invalid(errors) : TypedResults.Ok(preview);
    }

    /// <summary>Previews the saved steps, or the steps in the body (unsaved edits) on the transform's input.</summary>
    private static async Task<IResult> PreviewAsync(string id, TransformRequest? request, TransformService transforms, CancellationToken cancellationToken)
    {
        if (await transforms.GetRequestAsync(id, cancellationToken) is not { } saved)
        {
            return ApiProblems.NotFound("Transform", id);
        }

        var (preview, errors) = await transforms.PreviewAsync(saved with { Steps = request?.Steps ?? saved.Steps }, cancellationToken);
        return preview is null ? ApiProblems.Invalid(errors) : TypedResults.Ok(preview);
    }
}
