using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Templates;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Flows;

/// <summary>Reads the flows for the canvas: one query per table, counts included, so live updates can re-read cheaply.</summary>
internal sealed class FlowService(FlowStudioDb db, TemplateCatalog templates)
{
    public async Task<FlowMap> ReadAsync(CancellationToken cancellationToken)
    {
        var sources = await db.Sources.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var datasets = await db.Datasets.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);
        var destinations = await db.Destinations.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);
        var transforms = await db.Transforms.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var transformed = transforms.Select(t => t.DatasetId).ToHashSet();
        var connectors = await db.Credentials.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Connector, cancellationToken);
        var running = (await db.Runs.AsNoTracking().Where(r => r.Status == RunStatus.Running).Select(r => r.ResourceId).ToListAsync(cancellationToken)).ToHashSet();
        var counts = await DeliveryCounts.LoadAsync(db, null, cancellationToken);
        var records = datasets.ToDictionary(d => d.Id, d => d.RecordCount);
        var fedBy = destinations.Where(d => d.ResponseSourceId is not null).ToDictionary(d => d.ResponseSourceId!, d => d.Id);

        return new FlowMap(
            [.. sources.Select(s =>
            {
                var template = s.TemplateId is null ? null : templates.Find(s.TemplateId);
                var connector = template?.Connector ?? (s.Kind == SourceKind.Webhook ? ConnectorIds.Webhook : connectors.GetValueOrDefault(s.CredentialId ?? ""));
                var method = s.Kind == SourceKind.Webhook ? null : template?.Method ?? SourceService.ToRequest(s).Manual?.Method ?? "GET";
                return new FlowSourceNode(s.Id, s.Name, s.Kind, s.Status, NameOf(connector),
                    template?.Name ?? (s.Kind == SourceKind.Webhook ? "Webhook" : "Manual"), method, s.DatasetId, records.GetValueOrDefault(s.DatasetId),
                    running.Contains(s.Id), fedBy.GetValueOrDefault(s.Id));
            })],
            [.. datasets.Where(d => !transformed.Contains(d.Id)).Select(d => new FlowDatasetNode(d.Id, d.Name, d.SourceId, d.RecordCount))],
            [.. destinations.Select(d =>
            {
                var delivered = counts.GetValueOrDefault(d.Id) ?? DeliveryCounts.None;
                var template = d.TemplateId is null ? null : templates.Find(d.TemplateId);
                return new FlowDestinationNode(d.Id, d.Name, d.DatasetId, d.Status, NameOf(connectors.GetValueOrDefault(d.CredentialId)),
                    template?.Name ?? "Manual", delivered.Sent, delivered.Pending, delivered.Undelivered, running.Contains(d.Id));
            })],
            [.. transforms.Select(t => new FlowTransformNode(t.Id, t.Name, t.InputDatasetId, t.DatasetId, TransformSteps.Read(t.StepsJson).Count,
                records.GetValueOrDefault(t.DatasetId)))]);
    }

    private static string NameOf(string? connector) => ConnectorCatalog.Find(connector)?.Name ?? connector ?? "";
}
