using System.Text.Json;
using FlowStudio.Engine;
using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Templates;
using FlowStudio.Web.Data;
using FlowStudio.Web.Features.Runs;
using FlowStudio.Web.Features.Sources;
using FlowStudio.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Web.Features.Destinations;

internal sealed class DestinationService(
    FlowStudioDb db, DestinationPlanner planner, TemplateCatalog templates, SourceService sources, RunQueue runs, RunLauncher launcher, TimeProvider time)
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

    public async Task<DestinationView?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await ListAsync(null, cancellationToken)).FirstOrDefault(d => d.Id == id);

    public async Task<(DestinationView? Created, IReadOnlyList<FieldError> Errors)> CreateAsync(CreateDestinationRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add(new("name", "Give the destination a name."));
        }

        errors.AddRange(DestinationLimits.Check(request));

        var (plan, planErrors) = await planner.PlanAsync(request, cancellationToken);
        errors.AddRange(planErrors);
        if (errors.Count > 0 || plan is null)
        {
            return (null, errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var destination = new Destination
        {
            Id = ResourceIds.New("dst"),
            Name = request.Name!.Trim(),
            DatasetId = plan.DatasetId,
            CredentialId = request.CredentialId!,
            TemplateId = request.TemplateId,
            ParametersJson = JsonSerializer.Serialize(request.Parameters ?? [], Json),
            ManualJson = request.Manual is null ? null : JsonSerializer.Serialize(request.Manual, Json),
            OptionsJson = request.Sync is null && request.ExcludeAttributes is null && request.ResponseWebhook is null
                ? null
                : JsonSerializer.Serialize(new StoredOptions(request.Sync, request.ExcludeAttributes, request.ResponseWebhook), Json),
            CreatedAt = now,
            UpdatedAt = now,
        };

        if (plan.Config.ResponseWebhook)
        {
            var responses = await sources.StoreAsync(new CreateSourceRequest($"{destination.Name} responses", null, null, null, null, "webhook"), "webhook", cancellationToken);
            destination.ResponseSourceId = responses.Id;
        }

        db.Destinations.Add(destination);
        await db.SaveChangesAsync(cancellationToken);
        return (await GetAsync(destination.Id, cancellationToken), []);
    }

    /// <summary>Edit: replaces the configuration after the same checks as Create. Delivered records stay delivered.</summary>
    public async Task<(DestinationView? Updated, IReadOnlyList<FieldError> Errors)> UpdateAsync(string id, CreateDestinationRequest request, CancellationToken cancellationToken)
    {
        var destination = await db.Destinations.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (destination is null)
        {
            return (null, []);
        }

        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add(new("name", "Give the destination a name."));
        }

        errors.AddRange(DestinationLimits.Check(request));

        if (request.DatasetId is not null && request.DatasetId != destination.DatasetId)
        {
            errors.Add(new("datasetId", "A destination keeps its dataset; create a new destination to send another dataset."));
        }

        var (plan, planErrors) = await planner.PlanAsync(request with { DatasetId = destination.DatasetId }, cancellationToken);
        errors.AddRange(planErrors);
        if (errors.Count > 0 || plan is null)
        {
            return (null, errors);
        }

        destination.Name = request.Name!.Trim();
        destination.CredentialId = request.CredentialId!;
        destination.TemplateId = request.TemplateId;
        destination.ParametersJson = JsonSerializer.Serialize(request.Parameters ?? [], Json);
        destination.ManualJson = request.Manual is null ? null : JsonSerializer.Serialize(request.Manual, Json);
        destination.OptionsJson = request.Sync is null && request.ExcludeAttributes is null && request.ResponseWebhook is null
            ? null
            : JsonSerializer.Serialize(new StoredOptions(request.Sync, request.ExcludeAttributes, request.ResponseWebhook), Json);
        if (plan.Config.ResponseWebhook && destination.ResponseSourceId is null)
        {
            var responses = await sources.StoreAsync(new CreateSourceRequest($"{destination.Name} responses", null, null, null, null, "webhook"), "webhook", cancellationToken);
            destination.ResponseSourceId = responses.Id;
        }

        destination.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return (await GetAsync(id, cancellationToken), []);
    }

    public static CreateDestinationRequest ToRequest(Destination d)
    {
        var extras = d.OptionsJson is null ? null : JsonSerializer.Deserialize<StoredOptions>(d.OptionsJson, Json);
        return new CreateDestinationRequest(
            d.Name, d.DatasetId, d.CredentialId, d.TemplateId,
            JsonSerializer.Deserialize<Dictionary<string, string?>>(d.ParametersJson, Json),
            d.ManualJson is null ? null : JsonSerializer.Deserialize<ManualDestinationRequest>(d.ManualJson, Json),
            extras?.Sync, extras?.ExcludeAttributes, extras?.ResponseWebhook);
    }

    public async Task<string?> SetStatusAsync(string id, string status, CancellationToken cancellationToken)
    {
        var destination = await db.Destinations.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (destination is null)
        {
            return null;
        }

        destination.Status = status;
        destination.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        if (status == "paused")
        {
            runs.Cancel(id);
        }

        return status;
    }

    /// <summary>Records a delivery run and queues it; null when the destination does not exist, "" when it is already running.</summary>
    public async Task<string?> StartRunAsync(string id, CancellationToken cancellationToken)
    {
        if (!await db.Destinations.AnyAsync(d => d.Id == id, cancellationToken))
        {
            return null;
        }

        var run = await launcher.StartAsync(id, "destination", automatic: false, cancellationToken);
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

        var requeued = await db.DeliveryStates.Where(s => s.DestinationId == id && (s.Outcome == "failed" || s.Outcome == "dead"))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Outcome, "failed").SetProperty(x => x.Attempts, 0), cancellationToken);
        if (requeued == 0)
        {
            return new RetryOutcome(0, null);
        }

        var run = await launcher.StartAsync(id, "destination", automatic: false, cancellationToken);
        return new RetryOutcome(requeued, run.Started ? run.RunId : null);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var destination = await db.Destinations.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (destination is null)
        {
            return false;
        }

        runs.Cancel(id);
        await db.DeliveryStates.Where(s => s.DestinationId == id).ExecuteDeleteAsync(cancellationToken);
        db.Destinations.Remove(destination);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private DestinationView ToView(Destination d, Dictionary<string, string> connectors)
    {
        var request = ToRequest(d);
        var template = d.TemplateId is null ? null : templates.Find(d.TemplateId);
        return new DestinationView(d.Id, d.Name, d.DatasetId, d.CredentialId, connectors.GetValueOrDefault(d.CredentialId),
            d.TemplateId, template?.Name, request.Parameters ?? [], request.Manual, request.Sync, d.Status, d.ResponseSourceId, d.CreatedAt);
    }

    private sealed record StoredOptions(SyncRequest? Sync, List<string>? ExcludeAttributes, bool? ResponseWebhook);
}
