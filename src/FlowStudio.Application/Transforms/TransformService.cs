using System.Text.Json;
using FlowStudio.Engine;
using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Transforms;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Transforms;

/// <summary>
/// The transform use cases the canvas, the editor and the REST API share. Saving checks the steps against the input's
/// fields, stores them, and fills the transform's dataset from the input at once; a source run refreshes it afterwards.
/// </summary>
internal sealed class TransformService(
    FlowStudioDb db, TransformValidator validator, RecordTransformer transformer, TransformProcessor processor, FlowEvents events, TimeProvider time)
{
    /// <summary>Input records the preview runs the steps on.</summary>
    public const int PreviewSize = 20;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<TransformView>> ListAsync(string? inputDatasetId, CancellationToken cancellationToken)
    {
        var query = db.Transforms.AsNoTracking();
        if (inputDatasetId is not null)
        {
            query = query.Where(t => t.InputDatasetId == inputDatasetId);
        }

        var transforms = await query.OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var counts = await CountsAsync(transforms.Select(t => t.DatasetId), cancellationToken);
        return [.. transforms.Select(t => ToView(t, counts.GetValueOrDefault(t.DatasetId)))];
    }

    public async Task<TransformView?> GetAsync(string id, CancellationToken cancellationToken) =>
        await db.Transforms.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is { } transform
            ? ToView(transform, (await CountsAsync([transform.DatasetId], cancellationToken)).GetValueOrDefault(transform.DatasetId))
            : null;

    /// <summary>Creates a transform and its dataset, filled from the input; or every problem with the request.</summary>
    public async Task<(TransformView? Created, IReadOnlyList<FieldError> Errors)> CreateAsync(TransformRequest request, CancellationToken cancellationToken)
    {
        var (input, steps, errors) = await CheckAsync(request, cancellationToken);
        if (input is null || errors.Count > 0)
        {
            return (null, errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var name = string.IsNullOrWhiteSpace(request.Name) ? $"{input.Name} (transformed)" : request.Name.Trim();
        var transform = new Transform
        {
            Id = ResourceIds.New("trf"),
            Name = name,
            InputDatasetId = input.Id,
            DatasetId = ResourceIds.New("ds"),
            StepsJson = TransformSteps.Write(steps),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Datasets.Add(new Dataset { Id = transform.DatasetId, Name = name, SourceId = input.SourceId, CreatedAt = now });
        db.Transforms.Add(transform);
        await db.SaveChangesAsync(cancellationToken);
        await processor.RefreshAsync(transform, cancellationToken);
        events.Publish(new FlowChange(FlowChangeKind.Transform, transform.Id));
        return (await GetAsync(transform.Id, cancellationToken), []);
    }

    /// <summary>Replaces the name and steps (the input stays) and refills the dataset. Null with no errors: there is no such transform.</summary>
    public async Task<(TransformView? Updated, IReadOnlyList<FieldError> Errors)> UpdateAsync(string id, TransformRequest request, CancellationToken cancellationToken)
    {
        var transform = await db.Transforms.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (transform is null)
        {
            return (null, []);
        }

        var (input, steps, errors) = await CheckAsync(request with { InputDatasetId = transform.InputDatasetId }, cancellationToken);
        if (request.InputDatasetId is not null && request.InputDatasetId != transform.InputDatasetId)
        {
            errors = [.. errors, new("inputDatasetId", "A transform keeps its input; add a new transform to read another dataset.")];
        }

        if (input is null || errors.Count > 0)
        {
            return (null, errors);
        }

        transform.Name = string.IsNullOrWhiteSpace(request.Name) ? transform.Name : request.Name.Trim();
        transform.StepsJson = TransformSteps.Write(steps);
        transform.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.Datasets.Where(d => d.Id == transform.DatasetId).ExecuteUpdateAsync(set => set.SetProperty(d => d.Name, transform.Name), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await processor.RefreshAsync(transform, cancellationToken);
        events.Publish(new FlowChange(FlowChangeKind.Transform, id));
        return (await GetAsync(id, cancellationToken), []);
    }

    /// <summary>
    /// Deletes a transform and its dataset; refused (with the reason) while destinations or other transforms read that
    /// dataset. Found is false when there is no such transform.
    /// </summary>
    public async Task<(bool Found, string? Problem)> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var transform = await db.Transforms.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (transform is null)
        {
            return (false, null);
        }

        var readers = await db.Destinations.AsNoTracking().Where(d => d.DatasetId == transform.DatasetId).Select(d => d.Name)
            .Concat(db.Transforms.AsNoTracking().Where(t => t.InputDatasetId == transform.DatasetId).Select(t => t.Name)).ToListAsync(cancellationToken);
        if (readers.Count > 0)
        {
            return (true, $"“{transform.Name}” feeds {string.Join(", ", readers.Select(r => $"“{r}”"))}: delete those first.");
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.DatasetRecords.Where(r => r.DatasetId == transform.DatasetId).ExecuteDeleteAsync(cancellationToken);
            await db.Datasets.Where(d => d.Id == transform.DatasetId).ExecuteDeleteAsync(cancellationToken);
            db.Transforms.Remove(transform);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        events.Publish(new FlowChange(FlowChangeKind.Transform, id));
        return (true, null);
    }

    /// <summary>The steps of <paramref name="request"/> run on the input's first records, saved or not; or the problems with the request.</summary>
    public async Task<(TransformPreview? Preview, IReadOnlyList<FieldError> Errors)> PreviewAsync(TransformRequest request, CancellationToken cancellationToken)
    {
        var (input, steps, errors) = await CheckAsync(request, cancellationToken);
        if (input is null || errors.Count > 0)
        {
            return (null, errors);
        }

        var sample = await db.DatasetRecords.AsNoTracking().Where(r => r.DatasetId == input.Id).OrderBy(r => r.Id)
            .Take(PreviewSize).Select(r => r.DataJson).ToListAsync(cancellationToken);
        var results = await transformer.ApplyAsync(steps, sample, cancellationToken);
        var records = results.Select(r => new PreviewRecord(JsonText.ToObject(sample[r.Index]), [.. r.Outputs.Select(JsonText.ToObject)], r.Error?.Message)).ToList();
        return (new TransformPreview(records, records.Count(r => r.Error is null && r.After.Count > 0), records.Count(r => r.Error is null && r.After.Count == 0),
            records.Count(r => r.Error is not null)), []);
    }

    /// <summary>The transforms reading <paramref name="datasetId"/>, then those reading theirs, and so on (nearest first).</summary>
    public async Task<IReadOnlyList<TransformView>> DownstreamAsync(string datasetId, CancellationToken cancellationToken)
    {
        var all = await ListAsync(null, cancellationToken);
        var found = new List<TransformView>();
        var pending = new Queue<string>([datasetId]);
        while (pending.TryDequeue(out var input))
        {
            foreach (var transform in all.Where(t => t.InputDatasetId == input && !found.Contains(t)))
            {
                found.Add(transform);
                pending.Enqueue(transform.DatasetId);
            }
        }

        return found;
    }

    /// <summary>The saved transform's request (what the editor starts from); null when it does not exist.</summary>
    public async Task<TransformRequest?> GetRequestAsync(string id, CancellationToken cancellationToken) =>
        await GetAsync(id, cancellationToken) is { } view ? new TransformRequest(view.Name, view.InputDatasetId, view.Steps) : null;

    private async Task<(Dataset? Input, IReadOnlyList<TransformStep> Steps, IReadOnlyList<FieldError> Errors)> CheckAsync(TransformRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        InputLimits.AddTo(errors, ("name", request.Name, InputLimits.Name));
        foreach (var (step, i) in (request.Steps ?? []).Select((s, i) => (s, i)))
        {
            InputLimits.AddTo(errors, ($"steps[{i}].code", step?.Code, InputLimits.Script), ($"steps[{i}].expression", step?.Expression, InputLimits.Script));
        }

        var input = string.IsNullOrWhiteSpace(request.InputDatasetId) ? null
            : await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == request.InputDatasetId, cancellationToken);
        if (input is null)
        {
            errors.Add(new("inputDatasetId", string.IsNullOrWhiteSpace(request.InputDatasetId)
                ? "Choose the dataset to transform." : $"There is no dataset “{request.InputDatasetId}”."));
        }

        var fields = input is null ? null : JsonSerializer.Deserialize<List<SchemaColumn>>(input.SchemaJson, Json)?.Select(c => c.Name).ToList();
        errors.AddRange(validator.Validate(request.Steps, fields));
        return (input, errors.Count == 0 ? [.. (request.Steps ?? []).OfType<TransformStep>()] : [], errors);
    }

    private async Task<Dictionary<string, long>> CountsAsync(IEnumerable<string> datasetIds, CancellationToken cancellationToken)
    {
        var ids = datasetIds.ToList();
        return await db.Datasets.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.RecordCount, cancellationToken);
    }

    private static TransformView ToView(Transform t, long recordCount) =>
        new(t.Id, t.Name, t.InputDatasetId, t.DatasetId, TransformSteps.Read(t.StepsJson), recordCount, t.CreatedAt, t.UpdatedAt);
}
