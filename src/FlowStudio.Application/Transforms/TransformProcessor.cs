using System.Data.Common;
using System.Text.Json;
using FlowStudio.Engine.Sources;
using FlowStudio.Engine.Transforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FlowStudio.Application.Transforms;

/// <summary>
/// Fills a transform's dataset from its input: every input record goes through the steps, page by page, and each output
/// is stored under the input record's key (its id when it has none; a split's further records get <c>#2</c>, <c>#3</c>, ...),
/// so reading the same records again updates them rather than adding duplicates. Outputs no longer produced (a record
/// now filtered out) are removed, so the dataset is always the steps applied to the input as it is now.
/// </summary>
internal sealed class TransformProcessor(FlowStudioDb db, RecordTransformer transformer, TimeProvider time)
{
    private const int PageSize = 500;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Refreshes every transform reading <paramref name="datasetId"/>, and the transforms reading theirs, in order.</summary>
    public async Task<IReadOnlyList<TransformRefresh>> RefreshDownstreamAsync(string datasetId, CancellationToken cancellationToken)
    {
        var refreshed = new List<TransformRefresh>();
        var pending = new Queue<string>([datasetId]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var input))
        {
            var transforms = await db.Transforms.AsNoTracking().Where(t => t.InputDatasetId == input).OrderBy(t => t.Name).ToListAsync(cancellationToken);
            foreach (var transform in transforms.Where(t => seen.Add(t.Id)))
            {
                refreshed.Add(await RefreshAsync(transform, cancellationToken));
                pending.Enqueue(transform.DatasetId);
            }
        }

        return refreshed;
    }

    public async Task<TransformRefresh> RefreshAsync(Transform transform, CancellationToken cancellationToken)
    {
        var steps = TransformSteps.Read(transform.StepsJson);
        var produced = new HashSet<string>(StringComparer.Ordinal);
        var schema = new SchemaDetector();
        long read = 0, written = 0, failed = 0, lastId = 0;
        string? firstError = null;
        while (true)
        {
            var page = await db.DatasetRecords.AsNoTracking().Where(r => r.DatasetId == transform.InputDatasetId && r.Id > lastId).OrderBy(r => r.Id)
                .Take(PageSize).Select(r => new { r.Id, r.Key, r.LookupKey, r.DataJson }).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            lastId = page[^1].Id;
            read += page.Count;
            var results = await transformer.ApplyAsync(steps, [.. page.Select(r => r.DataJson)], cancellationToken);
            var outputs = new List<(string Key, string Json, string? LookupKey)>();
            foreach (var result in results)
            {
                var input = page[result.Index];
                if (result.Error is { } error)
                {
                    failed++;
                    firstError ??= error.Message;
                    continue;
                }

                var key = input.Key ?? $"#{input.Id}";
                outputs.AddRange(result.Outputs.Select((json, n) => (n == 0 ? key : $"{key}#{n + 1}", json, input.LookupKey)));
            }

            foreach (var output in outputs)
            {
                produced.Add(output.Key);
                schema.Add(SourceRecord.FromJson(output.Json));
            }

            written += outputs.Count;
            await UpsertAsync(transform.DatasetId, outputs, cancellationToken);
        }

        await FinishAsync(transform.DatasetId, produced, schema, cancellationToken);
        return new TransformRefresh(transform.Name, read, written, failed, firstError);
    }

    private async Task UpsertAsync(string datasetId, List<(string Key, string Json, string? LookupKey)> outputs, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = """
            INSERT INTO "DatasetRecords" ("DatasetId", "DataJson", "Key", "LookupKey", "CreatedAt") VALUES (@d, @j, @k, @l, @t)
            ON CONFLICT ("DatasetId", "Key") WHERE "Key" IS NOT NULL
            DO UPDATE SET "DataJson" = excluded."DataJson" WHERE "DatasetRecords"."DataJson" <> excluded."DataJson"
            """;
        var json = command.AddParameter("@j");
        var key = command.AddParameter("@k");
        var lookupKey = command.AddParameter("@l");
        command.AddParameter("@d").Value = datasetId;
        command.AddParameter("@t").Value = time.GetUtcNow().UtcDateTime;
        foreach (var output in outputs)
        {
            json.Value = output.Json;
            key.Value = output.Key;
            lookupKey.Value = output.LookupKey ?? (object)DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Removes the outputs not produced this time and stores the dataset's count and schema.</summary>
    private async Task FinishAsync(string datasetId, HashSet<string> produced, SchemaDetector schema, CancellationToken cancellationToken)
    {
        var stored = await db.DatasetRecords.AsNoTracking().Where(r => r.DatasetId == datasetId).Select(r => new { r.Id, r.Key }).ToListAsync(cancellationToken);
        var stale = stored.Where(r => r.Key is null || !produced.Contains(r.Key)).Select(r => r.Id).ToList();
        foreach (var chunk in stale.Chunk(PageSize))
        {
            await db.DatasetRecords.Where(r => chunk.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        long count = stored.Count - stale.Count;
        var schemaJson = JsonSerializer.Serialize(schema.Fields.Select(f => new { name = f.Name, type = f.Type }), Json);
        await db.Datasets.Where(d => d.Id == datasetId)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.RecordCount, count).SetProperty(d => d.SchemaJson, schemaJson), cancellationToken);
    }
}
