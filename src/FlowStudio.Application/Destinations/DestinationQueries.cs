using FlowStudio.Engine.Templates;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Destinations;

/// <summary>What the destination screens read, each in one call: the list with counts, a destination's page, the editor's setup.</summary>
internal sealed class DestinationQueries(FlowStudioDb db, DestinationService destinations, CredentialService credentials, TemplateCatalog templates)
{
    public async Task<IReadOnlyList<DestinationRow>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await destinations.ListAsync(null, cancellationToken);
        var counts = await DeliveryCounts.LoadAsync(db, null, cancellationToken);
        var datasets = await db.Datasets.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        return all.Select(d => new DestinationRow(d, ConnectorName(d.Connector), datasets.GetValueOrDefault(d.DatasetId, d.DatasetId),
            counts.GetValueOrDefault(d.Id) ?? DeliveryCounts.None)).ToList();
    }

    public async Task<DestinationDetails?> DetailsAsync(string id, CancellationToken cancellationToken)
    {
        if (await destinations.GetAsync(id, cancellationToken) is not { } destination)
        {
            return null;
        }

        var credential = await credentials.GetAsync(destination.CredentialId, cancellationToken);
        return new DestinationDetails(
            destination,
            ConnectorName(destination.Connector),
            credential?.Name ?? destination.CredentialId,
            await DatasetAsync(destination.DatasetId, cancellationToken) ?? DatasetInfo.Missing(destination.DatasetId),
            destination.TemplateId is null ? null : templates.Find(destination.TemplateId),
            await CountsAsync(id, cancellationToken));
    }

    public async Task<DeliveryCounts> CountsAsync(string id, CancellationToken cancellationToken) =>
        (await DeliveryCounts.LoadAsync(db, id, cancellationToken)).GetValueOrDefault(id) ?? DeliveryCounts.None;

    public async Task<DatasetInfo?> DatasetAsync(string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id) || await DatasetSnapshot.LoadAsync(db, id, 0, cancellationToken) is not { } snapshot)
        {
            return null;
        }

        var sourceId = await db.Datasets.AsNoTracking().Where(d => d.Id == id).Select(d => d.SourceId).FirstAsync(cancellationToken);
        return new DatasetInfo(snapshot.Id, snapshot.Name, sourceId, snapshot.RecordCount, snapshot.Schema);
    }

    /// <summary>The credentials records can be sent with through <paramref name="connector"/>.</summary>
    public async Task<IReadOnlyList<CredentialView>> CredentialsAsync(string connector, CancellationToken cancellationToken) =>
        (await credentials.ListAsync(cancellationToken)).Where(c => c.Connector == connector).ToList();

    /// <summary>
    /// What the editor needs for a saved destination (<paramref name="destinationId"/>) or a new one sending
    /// <paramref name="datasetId"/> with <paramref name="credentialId"/>; null when one of them does not exist.
    /// </summary>
    public async Task<EditorSetup?> EditorSetupAsync(string? destinationId, string? datasetId, string? credentialId, CancellationToken cancellationToken)
    {
        var saved = destinationId is null ? null : await destinations.GetRequestAsync(destinationId, cancellationToken);
        if (destinationId is not null && saved is null)
        {
            return null;
        }

        var request = saved ?? new CreateDestinationRequest(null, datasetId, credentialId, null, null, null);
        var credential = request.CredentialId is null ? null : await credentials.GetAsync(request.CredentialId, cancellationToken);
        var dataset = await DatasetAsync(request.DatasetId, cancellationToken);
        if (credential is null || dataset is null || DestinationConnectors.Find(credential.Connector) is not { } connector)
        {
            return null;
        }

        return new EditorSetup(destinationId, saved?.Name, request, connector, dataset,
            templates.For(connector.Id, TemplateDirections.Destination), await CredentialsAsync(connector.Id, cancellationToken));
    }

    private static string ConnectorName(string? connector) => ConnectorCatalog.Find(connector)?.Name ?? connector ?? "Unknown";
}

/// <summary>A row of the destinations list.</summary>
internal sealed record DestinationRow(DestinationView Destination, string ConnectorName, string DatasetName, DeliveryCounts Counts);

/// <summary>Everything a destination's page shows about it.</summary>
public sealed record DestinationDetails(
    DestinationView Destination, string ConnectorName, string CredentialName, DatasetInfo Dataset, EndpointTemplate? Template, DeliveryCounts Counts);

/// <summary>The dataset a destination sends: its name, where it comes from, how many records and which attributes.</summary>
public sealed record DatasetInfo(string Id, string Name, string? SourceId, long RecordCount, IReadOnlyList<SchemaColumn> Schema)
{
    public static DatasetInfo Missing(string id) => new(id, id, null, 0, []);
}

/// <summary>The editor's starting point: the request it edits, and the connector, dataset, templates and credentials it offers.</summary>
internal sealed record EditorSetup(
    string? DestinationId,
    string? DestinationName,
    CreateDestinationRequest Request,
    ConnectorDefinition Connector,
    DatasetInfo Dataset,
    IReadOnlyList<EndpointTemplate> Templates,
    IReadOnlyList<CredentialView> Credentials);
