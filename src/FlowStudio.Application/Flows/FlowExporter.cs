using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Flows;

/// <summary>
/// Writes a flow (a source, the transforms downstream of its dataset, the destinations of any of those datasets, the
/// lookups it uses) as a <see cref="FlowDocument"/>.
/// </summary>
internal sealed class FlowExporter(FlowStudioDb db, TransformService transforms, TimeProvider time)
{
    /// <summary>The flow of the source <paramref name="sourceId"/>; null when there is no such source.</summary>
    public async Task<FlowDocument?> ExportAsync(string sourceId, CancellationToken cancellationToken)
    {
        var source = await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sourceId, cancellationToken);
        if (source is null)
        {
            return null;
        }

        // Nearest first, so every transform comes after the one it reads; its id is its key in the document.
        var downstream = await transforms.DownstreamAsync(source.DatasetId, cancellationToken);
        var keyOf = downstream.ToDictionary(t => t.DatasetId, t => (string?)t.Id);
        keyOf[source.DatasetId] = null;
        var datasetIds = keyOf.Keys.ToList();
        var destinations = await db.Destinations.AsNoTracking().Where(d => datasetIds.Contains(d.DatasetId)).OrderBy(d => d.Name).ToListAsync(cancellationToken);
        var credentialIds = destinations.Select(d => d.CredentialId).Append(source.CredentialId).OfType<string>().Distinct().ToList();
        var credentials = await db.Credentials.AsNoTracking().Where(c => credentialIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new CredentialReference(c.Connector, c.Name), cancellationToken);

        var request = SourceService.ToRequest(source);
        var lookups = await LookupsAsync(request.Manual?.LookupIds ?? [], cancellationToken);
        var lookupNames = lookups.ToDictionary(l => l.Id, l => l.Export.Name);
        var manual = request.Manual is null ? null : request.Manual with { LookupIds = request.Manual.LookupIds?.Select(id => lookupNames.GetValueOrDefault(id, id)).ToList() };
        return new FlowDocument(
            FlowDocument.FormatName,
            FlowDocument.CurrentVersion,
            time.GetUtcNow().UtcDateTime,
            [.. credentials.Values.OrderBy(c => c.Name, StringComparer.Ordinal)],
            [.. lookups.Select(l => l.Export)],
            new FlowSourceExport(Name(credentials, source.CredentialId), request with { CredentialId = null, Manual = manual }),
            [.. downstream.Select(t => new FlowTransformExport(t.Id, keyOf[t.InputDatasetId], t.Name, t.Steps))],
            [.. destinations.Select(d => new FlowDestinationExport(
                Name(credentials, d.CredentialId) ?? d.CredentialId, DestinationService.ToRequest(d) with { CredentialId = null, DatasetId = null }, keyOf[d.DatasetId]))]);
    }

    private async Task<List<(string Id, LookupExport Export)>> LookupsAsync(List<string> ids, CancellationToken cancellationToken)
    {
        var exports = new List<(string, LookupExport)>();
        foreach (var lookup in await db.Lookups.AsNoTracking().Where(l => ids.Contains(l.Id)).OrderBy(l => l.Name).ToListAsync(cancellationToken))
        {
            var rows = await db.DatasetRecords.AsNoTracking().Where(r => r.DatasetId == lookup.DatasetId).OrderBy(r => r.Id)
                .Take(InputLimits.LookupRows).Select(r => r.DataJson).ToListAsync(cancellationToken);
            exports.Add((lookup.Id, new LookupExport(lookup.Name, lookup.KeyColumn, [.. rows.Select(json => JsonNode.Parse(json)!.AsObject())])));
        }

        return exports;
    }

    private static string? Name(Dictionary<string, CredentialReference> credentials, string? id) =>
        id is null ? null : credentials.GetValueOrDefault(id)?.Name;
}
