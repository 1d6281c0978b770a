using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FlowStudio.Engine;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Lookups;

/// <summary>
/// Lookups for the API and the screens alike: both create through the same rules and get every field's problem at
/// once. Changes are announced on <see cref="FlowEvents"/> so open pages (and macro pickers) follow them.
/// </summary>
internal sealed partial class LookupService(FlowStudioDb db, FlowEvents events, TimeProvider time)
{
    public async Task<IReadOnlyList<LookupView>> ListAsync(CancellationToken cancellationToken) =>
        (await ListEntriesAsync(cancellationToken)).Select(e => e.Lookup).ToList();

    /// <summary>The lookups by name, each with the dataset that fills it when a source does.</summary>
    public async Task<IReadOnlyList<LookupEntry>> ListEntriesAsync(CancellationToken cancellationToken)
    {
        var rows = await (from l in db.Lookups.AsNoTracking()
                          join d in db.Datasets.AsNoTracking() on l.DatasetId equals d.Id
                          orderby l.Name
                          select new { l, d }).ToListAsync(cancellationToken);
        return rows.Select(x => new LookupEntry(ToView(x.l, x.d), x.d.SourceId is null ? null : x.d.Name)).ToList();
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

    /// <summary>The pasted rows of a lookup as text to edit (CSV when they fit it, else JSON); null when it does not exist.</summary>
    public async Task<string?> RowsTextAsync(string id, CancellationToken cancellationToken)
    {
        var datasetId = await db.Lookups.AsNoTracking().Where(l => l.Id == id).Select(l => l.DatasetId).FirstOrDefaultAsync(cancellationToken);
        if (datasetId is null)
        {
            return null;
        }

        var rows = await db.DatasetRecords.AsNoTracking().Where(r => r.DatasetId == datasetId).OrderBy(r => r.Id)
            .Take(LookupRowsText.MaxRows).Select(r => r.DataJson).ToListAsync(cancellationToken);
        return LookupRowsText.Format(rows.Select(json => JsonNode.Parse(json)!.AsObject()).ToList());
    }

    /// <summary>Creates a lookup from the API's request: rows as JSON objects, or an existing dataset.</summary>
    public Task<(LookupView? Lookup, IReadOnlyList<FieldError> Errors)> CreateAsync(CreateLookupRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if ((request.DatasetId is null) == (request.Rows is null))
        {
            errors.Add(new("datasetId", "Give either datasetId (an existing dataset) or rows (uploaded rows), not both."));
        }

        return CreateAsync(request, errors, cancellationToken);
    }

    /// <summary>Creates a lookup from a screen: the rows are text, read as <see cref="LookupRowsText"/> describes, or a dataset.</summary>
    public Task<(LookupView? Lookup, IReadOnlyList<FieldError> Errors)> CreateAsync(LookupDraft draft, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var datasetId = string.IsNullOrWhiteSpace(draft.DatasetId) ? null : draft.DatasetId;
        List<JsonObject>? rows = null;
        if (datasetId is not null && !string.IsNullOrWhiteSpace(draft.Rows))
        {
            errors.Add(new("rows", "Choose a dataset or paste rows, not both: clear the rows, or set Dataset to None."));
        }
        else if (datasetId is null)
        {
            (rows, var problem) = LookupRowsText.Parse(draft.Rows);
            if (problem is not null)
            {
                errors.Add(new("rows", problem));
            }
        }

        return CreateAsync(new CreateLookupRequest(draft.Name, datasetId, draft.KeyColumn, rows), errors, cancellationToken);
    }

    /// <summary>
    /// Replaces the rows (and key column) of a lookup whose rows were pasted. Null lookup and no errors: it does not exist.
    /// A lookup filled by a source's dataset changes only when the source runs.
    /// </summary>
    public async Task<(LookupView? Lookup, IReadOnlyList<FieldError> Errors)> UpdateRowsAsync(string id, LookupRowsDraft draft, CancellationToken cancellationToken)
    {
        var lookup = await db.Lookups.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (lookup is null)
        {
            return (null, []);
        }

        var dataset = await db.Datasets.FirstAsync(d => d.Id == lookup.DatasetId, cancellationToken);
        if (dataset.SourceId is not null)
        {
            return (null, [new FieldError("rows", $"The rows come from the dataset “{dataset.Name}”, which its source fills: run the source to change them.")]);
        }

        var errors = new List<FieldError>();
        var (rows, problem) = LookupRowsText.Parse(draft.Rows);
        if (problem is not null)
        {
            errors.Add(new("rows", problem));
        }

        var keyColumn = rows is null ? null : KeyColumn(draft.KeyColumn, ColumnsOf(rows), errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.DatasetRecords.Where(r => r.DatasetId == dataset.Id).ExecuteDeleteAsync(cancellationToken);
            db.DatasetRecords.AddRange(rows!.Select(r => new DatasetRecord { DatasetId = dataset.Id, DataJson = r.ToJsonString(), CreatedAt = now }));
            dataset.RecordCount = rows!.Count;
            dataset.SchemaJson = SchemaJson(ColumnsOf(rows));
            lookup.KeyColumn = keyColumn!;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        events.Publish(new FlowChange(FlowChangeKind.Lookup, lookup.Id));
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
        events.Publish(new FlowChange(FlowChangeKind.Lookup, lookup.Id));
        return (true, null);
    }

    /// <summary>Checks every field (so all problems are reported at once), then stores the lookup and, for pasted rows, their dataset.</summary>
    private async Task<(LookupView? Lookup, IReadOnlyList<FieldError> Errors)> CreateAsync(
        CreateLookupRequest request, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim() ?? "";
        await CheckNameAsync(name, errors, cancellationToken);

        Dataset? dataset = null;
        List<string>? columns = null;
        if (request.Rows is { Count: > InputLimits.LookupRows })
        {
            errors.Add(new("rows", $"A lookup holds at most {InputLimits.LookupRows:N0} rows; make it from a dataset instead."));
        }
        else if (request.Rows is { Count: 0 })
        {
            errors.Add(new("rows", "Give at least one row."));
        }
        else if (request.Rows is { } rows && request.DatasetId is null)
        {
            columns = ColumnsOf(rows);
            if (columns.FirstOrDefault(c => c.Trim().Length == 0 || c.Length > InputLimits.Path || c.IndexOfAny(['{', '}']) >= 0 || c.Any(char.IsControl)) is { } bad)
            {
                errors.Add(new("rows", bad.Trim().Length == 0
                    ? "A column has no name: name every column (the macros use {lookup.column})."
                    : $"The column '{Excerpt.Of(bad, 60)}' cannot be used in a macro: use at most {InputLimits.Path:N0} characters and no braces or control characters."));
                columns = null;
            }
        }
        else if (request.DatasetId is not null && request.Rows is null)
        {
            dataset = await db.Datasets.FirstOrDefaultAsync(d => d.Id == request.DatasetId, cancellationToken);
            if (dataset is null)
            {
                errors.Add(new("datasetId", $"Dataset '{request.DatasetId}' does not exist."));
            }
            else
            {
                columns = Columns(dataset);
            }
        }

        var keyColumn = columns is null ? null : KeyColumn(request.KeyColumn, columns, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (dataset is null)
        {
            dataset = new Dataset
            {
                Id = ResourceIds.New("ds"), Name = $"Lookup {name}", CreatedAt = now, RecordCount = request.Rows!.Count, SchemaJson = SchemaJson(columns!),
            };
            db.Datasets.Add(dataset);
            db.DatasetRecords.AddRange(request.Rows.Select(r => new DatasetRecord { DatasetId = dataset.Id, DataJson = r.ToJsonString(), CreatedAt = now }));
        }

        var lookup = new Lookup { Id = ResourceIds.New("lkp"), Name = name, DatasetId = dataset.Id, KeyColumn = keyColumn!, CreatedAt = now };
        db.Lookups.Add(lookup);
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new FlowChange(FlowChangeKind.Lookup, lookup.Id));
        return (ToView(lookup, dataset), []);
    }

    private async Task CheckNameAsync(string name, List<FieldError> errors, CancellationToken cancellationToken)
    {
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
            errors.Add(new("name", $"A lookup named '{name}' already exists: choose another name."));
        }
    }

    /// <summary>The key column asked for, or the first column when none is; null (with an error) when it is not a column.</summary>
    private static string? KeyColumn(string? asked, List<string> columns, List<FieldError> errors)
    {
        var keyColumn = string.IsNullOrWhiteSpace(asked) ? columns.FirstOrDefault() : asked.Trim();
        if (keyColumn is not null && columns.Contains(keyColumn))
        {
            return keyColumn;
        }

        errors.Add(new("keyColumn", $"'{keyColumn}' is not a column of the lookup; use one of {string.Join(", ", columns)}."));
        return null;
    }

    private static List<string> ColumnsOf(List<JsonObject> rows) => rows.SelectMany(r => r.Select(p => p.Key)).Distinct().ToList();

    private static string SchemaJson(List<string> columns) => JsonSerializer.Serialize(columns.Select(c => new { name = c, type = "string" }));

    private static List<string> Columns(Dataset dataset) =>
        JsonNode.Parse(dataset.SchemaJson)!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();

    private static LookupView ToView(Lookup l, Dataset d) => new(l.Id, l.Name, l.DatasetId, l.KeyColumn, Columns(d), d.RecordCount);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex LookupName();
}
