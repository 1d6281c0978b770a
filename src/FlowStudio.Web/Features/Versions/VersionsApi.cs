using FlowStudio.Web.Infrastructure;

namespace FlowStudio.Web.Features.Versions;

/// <summary>The configuration versions of sources and destinations: list, one version, compare two, restore one.</summary>
internal static class VersionsApi
{
    public static RouteGroupBuilder MapVersionsApi(this RouteGroupBuilder api)
    {
        Map(api.MapGroup("/sources/{id}/versions").WithTags("Sources"), ResourceKind.Source, "Source");
        Map(api.MapGroup("/destinations/{id}/versions").WithTags("Destinations"), ResourceKind.Destination, "Destination");
        return api;
    }

    private static void Map(RouteGroupBuilder group, ResourceKind kind, string what)
    {
        group.MapGet("/", (string id, VersionService versions, CancellationToken ct) => ListAsync(kind, what, id, versions, ct)).WithName($"List{what}Versions");
        group.MapGet("/compare", (string id, int from, int to, VersionService versions, CancellationToken ct) => CompareAsync(kind, id, from, to, versions, ct))
            .WithName($"Compare{what}Versions");
        group.MapGet("/{number}", (string id, int number, VersionService versions, CancellationToken ct) => GetAsync(kind, id, number, versions, ct))
            .WithName($"Get{what}Version");
        group.MapPost("/{number}/restore", (string id, int number, VersionService versions, CancellationToken ct) => RestoreAsync(kind, id, number, versions, ct))
            .WithName($"Restore{what}Version");
    }

    private static async Task<IResult> ListAsync(ResourceKind kind, string what, string id, VersionService versions, CancellationToken cancellationToken) =>
        await versions.ListAsync(kind, id, cancellationToken) is { } list ? TypedResults.Ok(list) : ApiProblems.NotFound(what, id);

    private static async Task<IResult> GetAsync(ResourceKind kind, string id, int number, VersionService versions, CancellationToken cancellationToken) =>
        await versions.GetAsync(kind, id, number, cancellationToken) is { } version ? TypedResults.Ok(version) : VersionNotFound(id, number);

    private static async Task<IResult> CompareAsync(ResourceKind kind, string id, int from, int to, VersionService versions, CancellationToken cancellationToken) =>
        await versions.CompareAsync(kind, id, from, to, cancellationToken) is { } changes
            ? TypedResults.Ok(new { from, to, changes })
            : TypedResults.Problem(detail: $"'{id}' has no version {from} or no version {to}.", statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    /// <summary>400 when the version can no longer be saved (its credential or lookup is gone): the problem names the fields.</summary>
    private static async Task<IResult> RestoreAsync(ResourceKind kind, string id, int number, VersionService versions, CancellationToken cancellationToken)
    {
        var (restored, errors) = await versions.RestoreAsync(kind, id, number, cancellationToken);
        return restored is not null ? TypedResults.Ok(restored) : errors.Count > 0 ? ApiProblems.Invalid(errors) : VersionNotFound(id, number);
    }

    private static IResult VersionNotFound(string id, int number) =>
        TypedResults.Problem(detail: $"'{id}' has no version {number}.", statusCode: StatusCodes.Status404NotFound, title: "Not found.");
}
