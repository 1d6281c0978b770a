using System.Text.Json.Nodes;
using FlowStudio.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Web.Features.Lookups;

internal static class LookupsApi
{
    public static RouteGroupBuilder MapLookupsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/lookups").WithTags("Lookups");
        group.MapGet("/", ListAsync).WithName("ListLookups");
        group.MapPost("/", CreateAsync).WithName("CreateLookup");
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteLookup");
        return api;
    }

    private static async Task<IResult> ListAsync(LookupService lookups, CancellationToken cancellationToken) =>
        TypedResults.Ok(await lookups.ListAsync(cancellationToken));

    private static async Task<IResult> DeleteAsync(string id, LookupService lookups, CancellationToken cancellationToken)
    {
        var (deleted, problem) = await lookups.DeleteAsync(id, cancellationToken);
        return deleted ? TypedResults.NoContent()
            : problem is not null ? ApiProblems.Conflict(problem)
            : ApiProblems.NotFound("Lookup", id);
    }

    private static async Task<IResult> CreateAsync(CreateLookupRequest request, LookupService lookups, CancellationToken cancellationToken)
    {
        var (lookup, errors) = await lookups.CreateAsync(request, cancellationToken);
        return lookup is null ? ApiProblems.Invalid(errors) : TypedResults.Created($"/api/lookups/{lookup.Id}", lookup);
    }
}
