using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FlowStudio.Engine;
using FlowStudio.Web.Data;
using FlowStudio.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Web.Features.Lookups;

internal sealed partial class LookupService(FlowStudioDb db, TimeProvider time)
{
    public async Task<IReadOnlyList<LookupView>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await (from l in db.Lookups.AsNoTracking()
                          join d in db.Datasets.AsNoTracking() on l.DatasetId equals d.Id
                          orderby l.Name
                          select new { l, d }).ToListAsync(cancellationToken);
        return rows.Select(x => ToView(x.l, x.d)).ToList();
    }

    public async Task<LookupView?> FindAsync(string idOrName, CancellationToken cancellationToken)
    {
        var row = await (from l in db.Lookups.AsNoTracking()
                         join d in db.Datasets.AsNoTracking() on l.DatasetId equals d.Id
                         where l.Id == idOrName || l.Name == idOrName
                         select new { l, d }).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToView(row.l, row.d);
    }

    /// <summary>The lookup's rows as flat string maps, streamed in dataset order.</summary>
    public async IAsyncEnumerable<IReadOnlyDictionary<string, string>> RowsAsync(string datasetId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var json in db.DatasetRecords.AsNoTracking().Where(r => r.DatasetId == datasetId).OrderBy(r => r.Id)
                           .Select(r => r.DataJson).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in JsonNode.Parse(json)!.AsObject())
            {
                row[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
            }

            yield return row;
        }
    }

    public async Task<(LookupView? Lookup, IReadOnlyList<FieldError> Errors)> CreateAsync(CreateLookupRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length > 100)
        {
            errors.Add(new("name", "Use at most 100 characters."));
        }
        else if (!LookupName().IsMatch(name))
        {
            errors.Add(new("name", "Use letters, digits and underscores, starting with a letter (it becomes the macro prefix, as in {contracts.id})."));
        }
        else if (await db.Lookups.AnyAsync(l => l.Name == name, cancellationToken))
        {
            errors.Add(new("name", $"A lookup named '{name}' already exists."));
        }

        if (request.Rows is { Count: > InputLimits.LookupRows })
        {
            errors.Add(new("rows", $"A lookup holds at most {InputLimits.LookupRows:N0} rows; make it from a dataset instead."));
            return (null, errors);
        }

        if ((request.DatasetId is null) == (request.Rows is null))
        {
            errors.Add(new("datasetId", "Give either datasetId (an existing dataset) or rows (uploaded rows), not both."));
            return (null, errors);
        }

        Dataset? dataset = null;
        if (request.DatasetId is not null)
        {
            dataset = await db.Datasets.FirstOrDefaultAsync(d => d.Id == request.DatasetId, cancellationToken);
            if (dataset is null)
            {
                errors.Add(new("datasetId", $"Dataset '{request.DatasetId}' does not exist."));
            }
        }
        else if (request.Rows!.Count == 0)
        {
            errors.Add(new("rows", "Give at least one row."));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (dataset is null)
        {
            dataset = new Dataset { Id = ResourceIds.New("ds"), Name = $"Lookup {name}", CreatedAt = now, RecordCount = request.Rows!.Count };
            var columns = request.Rows.SelectMany(r => r.Select(p => p.Key)).Distinct().ToList();
            dataset.SchemaJson = JsonSerializer.Serialize(columns.Select(c => new { name = c, type = "string" }));
            db.Datasets.Add(dataset);
            db.DatasetRecords.AddRange(request.Rows.Select(r => new DatasetRecord { DatasetId = dataset.Id, DataJson = r.ToJsonString(), CreatedAt = now }));
        }

        var columnsOfDataset = Columns(dataset);
        var keyColumn = string.IsNullOrWhiteSpace(request.KeyColumn) ? columnsOfDataset.FirstOrDefault() : request.KeyColumn.Trim();
        if (keyColumn is null || !columnsOfDataset.Contains(keyColumn))
        {
            return (null, [new FieldError("keyColumn", $"'{keyColumn}' is not a column of the lookup; use one of {string.Join(", ", columnsOfDataset)}.")]);
        }

        var lookup = new Lookup { Id = ResourceIds.New("lkp"), Name = name, DatasetId = dataset.Id, KeyColumn = keyColumn, CreatedAt = now };
        db.Lookups.Add(lookup);
        await db.SaveChangesAsync(cancellationToken);
        return (ToView(lookup, dataset), []);
    }

    /// <summary>
    /// Deletes a lookup, and the rows that were pasted for it (a dataset a source fills stays). Refused while a source
    /// uses the lookup: the message names the sources.
    /// </summary>
    public async Task<(bool Deleted, string? Problem)> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var lookup = await db.Lookups.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (lookup is null)
        {
            return (false, null);
        }

        var users = await db.Sources.AsNoTracking().Where(s => s.ManualJson != null && s.ManualJson.Contains(lookup.Id))
            .Select(s => s.Name).ToListAsync(cancellationToken);
        if (users.Count > 0)
        {
            return (false, $"The lookup “{lookup.Name}” is used by {string.Join(", ", users.Select(u => $"“{u}”"))}: choose another lookup there first.");
        }

        db.Lookups.Remove(lookup);
        var dataset = await db.Datasets.FirstOrDefaultAsync(d => d.Id == lookup.DatasetId, cancellationToken);
        var shared = await db.Lookups.AnyAsync(l => l.Id != lookup.Id && l.DatasetId == lookup.DatasetId, cancellationToken);
        if (dataset is { SourceId: null } && !shared)
        {
            await db.DatasetRecords.Where(r => r.DatasetId == dataset.Id).ExecuteDeleteAsync(cancellationToken);
            db.Datasets.Remove(dataset);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (true, null);
    }

    private static List<string> Columns(Dataset dataset) =>
        JsonNode.Parse(dataset.SchemaJson)!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();

    private static LookupView ToView(Lookup l, Dataset d) => new(l.Id, l.Name, l.DatasetId, l.KeyColumn, Columns(d), d.RecordCount);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex LookupName();
}
