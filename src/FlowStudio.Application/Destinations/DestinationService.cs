using System.Text.Json;
using FlowStudio.Engine;
using FlowStudio.Engine.Templates;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Destinations;

/// <summary>
/// The destination use cases the screens and the REST API share. A request is the whole configuration: Create and
/// Update (the editor's Save and <c>PUT /api/destinations/{id}</c>) store exactly what it says, after the same checks,
/// so a setting left out of an update is reset, never silently kept. The editor starts from the stored request, so
/// nothing the user did not touch is lost.
/// </summary>
internal sealed class DestinationService(
    FlowStudioDb db, DestinationPlanner planner, TemplateCatalog templates, SourceService sources, RunCancellations runs, RunLauncher launcher, VersionRecorder versions,
    DeliveryStore store, FlowEvents events, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<DestinationView>> ListAsync(string? datasetId, CancellationToken cancellationToken)
    {
        var query = db.Destinations.AsNoTracking();
        if (datasetId is not null)
        {
            query = query.Where(d => d.DatasetId == datasetId);
        }

        var destinations = await query.OrderBy(d => d.Name).ToListAsync(cancellationToken);
        var connectors = await db.Credentials.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Connector, cancellationToken);
        return destinations.Select(d => ToView(d, connectors)).ToList();
    }

    public async Task<DestinationView?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var destination = await db.Destinations.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (destination is null)
        {
            return null;
        }

        var connector = await db.Credentials.AsNoTracking().Where(c => c.Id == destination.CredentialId).Select(c => c.Connector).FirstOrDefaultAsync(cancellationToken);
        return ToView(destination, connector is null ? [] : new() { [destination.CredentialId] = connector });
    }

    /// <summary>The saved configuration as a request: what the editor starts from and what delivery, samples and tests use.</summary>
    public async Task<CreateDestinationRequest?> GetRequestAsync(string id, CancellationToken cancellationToken) =>
        await db.Destinations.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken) is { } stored ? ToRequest(stored) : null;

    /// <summary>Creates a destination (paused), or returns every problem with the request at once.</summary>
    public async Task<(DestinationView? Created, IReadOnlyList<FieldError> Errors)> CreateAsync(CreateDestinationRequest request, CancellationToken cancellationToken)
    {
        var (plan, errors) = await CheckAsync(request, cancellationToken);
        if (plan is null)
        {
            return (null, errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var destination = new Destination
        {
            Id = ResourceIds.New("dst"),
            Name = "",
            DatasetId = plan.DatasetId,
            CredentialId = request.CredentialId!,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await StoreAsync(destination, request, plan, cancellationToken);
        db.Destinations.Add(destination);
        await versions.AddAsync(destination.Id, VersionedConfig.Of(destination), null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new FlowChange(FlowChangeKind.Destination, destination.Id));
        return (await GetAsync(destination.Id, cancellationToken), []);
    }

    /// <summary>
    /// Replaces the configuration with <paramref name="request"/> after the same checks as Create. The dataset stays;
    /// delivered records stay delivered. Null with no errors: there is no such destination. A change makes a new version
    /// (<paramref name="restoredFrom"/>: the version a restore brings back; a restore always makes one).
    /// </summary>
    public async Task<(DestinationView? Updated, IReadOnlyList<FieldError> Errors)> UpdateAsync(
        string id, CreateDestinationRequest request, CancellationToken cancellationToken, int? restoredFrom = null)
    {
        var destination = await db.Destinations.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (destination is null)
        {
            return (null, []);
        }

        var (plan, errors) = await CheckAsync(request with { DatasetId = destination.DatasetId }, cancellationToken);
        if (request.DatasetId is not null && request.DatasetId != destination.DatasetId)
        {
            errors = [.. errors, new("datasetId", "A destination keeps its dataset; create a new destination to send another dataset.")];
        }

        if (plan is null || errors.Count > 0)
        {
            return (null, errors);
        }

        await versions.EnsureAsync(destination.Id, () => VersionedConfig.Of(destination), destination.UpdatedAt, cancellationToken);
        destination.CredentialId = request.CredentialId!;
        destination.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await StoreAsync(destination, request, plan, cancellationToken);
        await versions.AddAsync(destination.Id, VersionedConfig.Of(destination), restoredFrom, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new FlowChange(FlowChangeKind.Destination, id));
        return (await GetAsync(id, cancellationToken), []);
    }

    public static CreateDestinationRequest ToRequest(Destination d)
    {
        var extras = d.OptionsJson is null ? null : JsonSerializer.Deserialize<StoredOptions>(d.OptionsJson, Json);
        return new CreateDestinationRequest(
            d.Name, d.DatasetId, d.CredentialId, d.TemplateId,
            JsonSerializer.Deserialize<Dictionary<string, string?>>(d.ParametersJson, Json),
            d.ManualJson is null ? null : JsonSerializer.Deserialize<ManualDestinationRequest>(d.ManualJson, Json),
            extras?.Sync, extras?.ExcludeAttributes, extras?.ResponseWebhook, extras?.Mapping);
    }

    /// <summary>Pausing stops a run in progress. Null when there is no such destination.</summary>
    public async Task<ResourceStatus?> SetStatusAsync(string id, ResourceStatus status, CancellationToken cancellationToken)
    {
        var destination = await db.Destinations.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (destination is null)
        {
            return null;
        }

        destination.Status = status;
        destination.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        if (status == ResourceStatus.Paused)
        {
            await runs.CancelAsync(id, cancellationToken);
        }
        else if (await store.AnyPendingAsync(id, destination.DatasetId, destination.UpdatedAt, cancellationToken))
        {
            // Activating starts delivering what waits now, as the engine's next tick would.
            await launcher.StartAsync(id, RunKind.Destination, automatic: true, cancellationToken);
        }

        events.Publish(new FlowChange(FlowChangeKind.Destination, id));
        return status;
    }

    /// <summary>Records a delivery run and queues it; null when the destination does not exist, "" when it is already running.</summary>
    public async Task<string?> StartRunAsync(string id, CancellationToken cancellationToken)
    {
        if (!await db.Destinations.AnyAsync(d => d.Id == id, cancellationToken))
        {
            return null;
        }

        var run = await launcher.StartAsync(id, RunKind.Destination, automatic: false, cancellationToken);
        return run.Started ? run.RunId : "";
    }

    /// <summary>
    /// "Retry failed records", for the API and the screens: failed and dead-lettered records become pending again, and
    /// a run is started to send them (unless the destination is running: that run or its next one sends them). Null
    /// when the destination does not exist.
    /// </summary>
    public async Task<RetryOutcome?> RetryFailedAsync(string id, CancellationToken cancellationToken)
    {
        if (!await db.Destinations.AnyAsync(d => d.Id == id, cancellationToken))
        {
            return null;
        }

        var requeued = await db.FailedDeliveries.Where(f => f.DestinationId == id).ExecuteUpdateAsync(f => f
            .SetProperty(x => x.Permanent, false).SetProperty(x => x.Attempts, 0).SetProperty(x => x.NextTryAt, DateTime.MinValue), cancellationToken);
        if (requeued == 0)
        {
            return new RetryOutcome(0, null);
        }

        var run = await launcher.StartAsync(id, RunKind.Destination, automatic: false, cancellationToken);
        return new RetryOutcome(requeued, run.Started ? run.RunId : null);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var destination = await db.Destinations.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (destination is null)
        {
            return false;
        }

        await runs.CancelAsync(id, cancellationToken);
        await db.FailedDeliveries.Where(f => f.DestinationId == id).ExecuteDeleteAsync(cancellationToken);
        await db.RequestErrors.Where(e => e.DestinationId == id).ExecuteDeleteAsync(cancellationToken);
        await db.IngestJobs.Where(j => j.DestinationId == id).ExecuteDeleteAsync(cancellationToken);
        await db.DeliveryOffsets.Where(o => o.DestinationId == id).ExecuteDeleteAsync(cancellationToken);
        await db.ResourceVersions.Where(v => v.ResourceId == id).ExecuteDeleteAsync(cancellationToken);
        db.Destinations.Remove(destination);
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new FlowChange(FlowChangeKind.Destination, id));
        return true;
    }

    /// <summary>Every problem with the request (name, sizes, settings), and the plan when there is none.</summary>
    private async Task<(DestinationPlan? Plan, IReadOnlyList<FieldError> Errors)> CheckAsync(CreateDestinationRequest request, CancellationToken cancellationToken)
    {
        var errors = DestinationLimits.Check(request);
        var (plan, planErrors) = await planner.PlanAsync(request, cancellationToken);
        errors.AddRange(planErrors);
        return errors.Count > 0 ? (null, errors) : (plan, []);
    }

    private async Task StoreAsync(Destination destination, CreateDestinationRequest request, DestinationPlan plan, CancellationToken cancellationToken)
    {
        destination.Name = string.IsNullOrWhiteSpace(request.Name) ? DestinationNames.Default(request, plan.Connection.Connector, id => templates.Find(id)?.Name) : request.Name.Trim();
        destination.TemplateId = request.TemplateId;
        destination.ParametersJson = JsonSerializer.Serialize(request.Parameters ?? [], Json);
        destination.ManualJson = request.Manual is null ? null : JsonSerializer.Serialize(request.Manual, Json);
        var mapping = request.Mapping is { Count: > 0 } ? request.Mapping : null;
        destination.OptionsJson = request.Sync is null && request.ExcludeAttributes is not { Count: > 0 } && request.ResponseWebhook is null && mapping is null
            ? null
            : JsonSerializer.Serialize(new StoredOptions(request.Sync, request.ExcludeAttributes, request.ResponseWebhook, mapping), Json);
        if (plan.Config.ResponseWebhook && destination.ResponseSourceId is null)
        {
            var responses = await sources.StoreAsync(new CreateSourceRequest($"{destination.Name} responses", null, null, null, null, "webhook"), SourceKind.Webhook, cancellationToken);
            destination.ResponseSourceId = responses.Id;
        }
    }

    private DestinationView ToView(Destination d, Dictionary<string, string> connectors)
    {
        var request = ToRequest(d);
        var template = d.TemplateId is null ? null : templates.Find(d.TemplateId);
        return new DestinationView(d.Id, d.Name, d.DatasetId, d.CredentialId, connectors.GetValueOrDefault(d.CredentialId),
            d.TemplateId, template?.Name, request.Parameters ?? [], request.Manual, request.Sync, request.ExcludeAttributes ?? [],
            request.ResponseWebhook == true, d.Status, d.ResponseSourceId, d.CreatedAt, request.Mapping ?? []);
    }

    private sealed record StoredOptions(SyncRequest? Sync, List<string>? ExcludeAttributes, bool? ResponseWebhook, List<MappingRequest>? Mapping = null);
}
