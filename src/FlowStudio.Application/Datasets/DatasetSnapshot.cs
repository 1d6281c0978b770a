using System.Text.Json;
using System.Text.Json.Nodes;
using FlowStudio.Engine.Paths;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Datasets;

/// <summary>A dataset as its node shows it: record count, detected schema and the first records.</summary>
public sealed record DatasetSnapshot(string Id, string Name, long RecordCount, IReadOnlyList<SchemaColumn> Schema, IReadOnlyList<JsonObject> Sample)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal static async Task<DatasetSnapshot?> LoadAsync(FlowStudioDb db, string id, int sampleSize, CancellationToken cancellationToken)
    {
        var dataset = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dataset is null)
        {
            return null;
        }

        var sample = await db.DatasetRecords.AsNoTracking().Where(r => r.DatasetId == id).OrderBy(r => r.Id)
            .Take(sampleSize).Select(r => r.DataJson).ToListAsync(cancellationToken);
        var schema = JsonSerializer.Deserialize<List<SchemaColumn>>(dataset.SchemaJson, Json) ?? [];
        return new DatasetSnapshot(dataset.Id, dataset.Name, dataset.RecordCount, schema, sample.Select(JsonText.ToObject).ToList());
    }
}

/// <summary>One detected field of a dataset.</summary>
public sealed record SchemaColumn(string Name, string Type);
