using System.Text.Json.Nodes;
using FlowStudio.Web.Data;
using FlowStudio.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Web.Features.Datasets;

internal static class DatasetsApi
{
    public static RouteGroupBuilder MapDatasetsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/datasets").WithTags("Datasets");
        group.MapGet("/", ListAsync).WithName("ListDatasets");
        group.MapGet("/{id}", GetAsync).WithName("GetDataset");
        group.MapGet("/{id}/records", RecordsAsync).WithName("GetDatasetRecords");
        return api;
    }

    private static async Task<IResult> ListAsync(FlowStudioDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.Datasets.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken)).Select(ToDto));

    private static async Task<IResult> GetAsync(string id, FlowStudioDb db, CancellationToken cancellationToken) =>
        await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken) is { } dataset
            ? TypedResults.Ok(ToDto(dataset))
            : ApiProblems.NotFound("Dataset", id);

    private static async Task<IResult> RecordsAsync(string id, FlowStudioDb db, int? limit, int? offset, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 1000)
        {
            return ApiProblems.Invalid("limit", "Use a limit from 1 to 1000.");
        }

        if (offset is < 0)
        {
            return ApiProblems.Invalid("offset", "The offset cannot be negative.");
        }

        if (!await db.Datasets.AnyAsync(d => d.Id == id, cancellationToken))
        {
            return ApiProblems.NotFound("Dataset", id);
        }

        var records = db.DatasetRecords.AsNoTracking().Where(r => r.DatasetId == id);
        var total = await records.LongCountAsync(cancellationToken);
        var page = await records.OrderBy(r => r.Id).Skip(offset ?? 0).Take(limit ?? 100).Select(r => r.DataJson).ToListAsync(cancellationToken);
        return TypedResults.Ok(new { records = page.Select(json => JsonNode.Parse(json, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 256 })), total });
    }

    internal static object ToDto(Dataset d) => new
    {
        d.Id,
        d.Name,
        d.SourceId,
        schema = JsonNode.Parse(d.SchemaJson),
        d.RecordCount,
        d.CreatedAt,
    };
}
