using System.Text.Json.Nodes;
using FlowStudio.Web.Infrastructure;

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

    private static async Task<IResult> ListAsync(DatasetService datasets, CancellationToken cancellationToken) =>
        TypedResults.Ok((await datasets.ListAsync(cancellationToken)).Select(ToDto));

    private static async Task<IResult> GetAsync(string id, DatasetService datasets, CancellationToken cancellationToken) =>
        await datasets.GetAsync(id, cancellationToken) is { } dataset
            ? TypedResults.Ok(ToDto(dataset))
            : ApiProblems.NotFound("Dataset", id);

    private static async Task<IResult> RecordsAsync(string id, DatasetService datasets, int? limit, int? offset, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 1000)
        {
            return ApiProblems.Invalid("limit", "Use a limit from 1 to 1000.");
        }

        if (offset is < 0)
        {
            return ApiProblems.Invalid("offset", "The offset cannot be negative.");
        }

        if (await datasets.RecordsAsync(id, offset ?? 0, limit ?? 100, cancellationToken) is not { } page)
        {
            return ApiProblems.NotFound("Dataset", id);
        }

        return TypedResults.Ok(new
        {
            records = page.Records.Select(json => JsonNode.Parse(json, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 256 })),
            total = page.Total,
        });
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
