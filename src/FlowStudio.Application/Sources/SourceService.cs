using System.Text.Json;
using FlowStudio.Engine;
using FlowStudio.Engine.Scheduling;
using FlowStudio.Engine.Templates;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Sources;

/// <summary>
/// The source use cases, shared by the screens and the REST API: every change goes through here, with the same rules
/// whoever makes it, and is announced on <see cref="FlowEvents"/> so open pages update.
/// </summary>
internal sealed class SourceService(
    FlowStudioDb db, SourcePlanner planner, TemplateCatalog templates, RunCancellations runs, RunLauncher launcher, VersionRecorder versions, FlowEvents events,
    TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<SourceView>> ListAsync(CancellationToken cancellationToken)
    {
        var sources = await db.Sources.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var connectors = await db.Credentials.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Connector, cancellationToken);
        return sources.Select(s => ToView(s, connectors)).ToList();
    }

    public async Task<SourceView?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var source = await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (source is null)
        {
            return null;
        }

        var connectors = await db.Credentials.AsNoTracking().Where(c => c.Id == source.CredentialId).ToDictionaryAsync(c => c.Id, c => c.Connector, cancellationToken);
        return ToView(source, connectors);
    }

    /// <summary>A saved source with its configuration as a request, exactly as stored (for the editor and for Test).</summary>
    public async Task<SavedSource?> GetSavedAsync(string id, CancellationToken cancellationToken)
    {
        var source = await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (source is null)
        {
            return null;
        }

        var connectors = await db.Credentials.AsNoTracking().Where(c => c.Id == source.CredentialId).ToDictionaryAsync(c => c.Id, c => c.Connector, cancellationToken);
        return new SavedSource(ToView(source, connectors), ToRequest(source));
    }

    /// <summary>Validates the request completely before anything is stored; on success stores the source and its empty dataset.</summary>
    public async Task<(SourceView? Created, IReadOnlyList<FieldError> Errors)> CreateAsync(CreateSourceRequest request, CancellationToken cancellationToken)
    {
        var webhook = IsWebhook(request);
        var errors = await ValidateAsync(request, webhook, cancellationToken);
        return errors.Count > 0 ? (null, errors) : (await StoreAsync(request, webhook ? SourceKind.Webhook : SourceKind.Api, cancellationToken), []);
    }

    /// <summary>Every problem Create would find in <paramref name="request"/>, without storing anything.</summary>
    public Task<List<FieldError>> CheckAsync(CreateSourceRequest request, CancellationToken cancellationToken) =>
        ValidateAsync(request, IsWebhook(request), cancellationToken);

    /// <summary>
    /// Edit (the editor's Save and <c>PUT /api/sources/{id}</c>): replaces the whole configuration with the request after
    /// the same checks as Create; what the request leaves out is cleared, as a PUT does (the editor sends back the
    /// settings it has no field for, such as the record key). The dataset, status, cursor and runs stay. A change makes a
    /// new version (<paramref name="restoredFrom"/>: the version a restore brings back; a restore always makes one).
    /// </summary>
    public async Task<(SourceView? Updated, IReadOnlyList<FieldError> Errors)> UpdateAsync(
        string id, CreateSourceRequest request, CancellationToken cancellationToken, int? restoredFrom = null)
    {
        var source = await db.Sources.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (source is null)
        {
            return (null, []);
        }

        var errors = await ValidateAsync(request, source.Kind == SourceKind.Webhook, cancellationToken);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        await versions.EnsureAsync(source.Id, () => VersionedConfig.Of(source), source.UpdatedAt, cancellationToken);
        source.Name = request.Name!.Trim();
        if (source.Kind == SourceKind.Api)
        {
            source.CredentialId = request.CredentialId;
            source.TemplateId = request.TemplateId;
            source.ParametersJson = JsonSerializer.Serialize(request.Parameters ?? [], Json);
            source.ManualJson = request.Manual is null ? null : JsonSerializer.Serialize(request.Manual, Json);
            source.ScheduleJson = StoredSchedule.Write(request.Schedule);
            source.CursorField = string.IsNullOrWhiteSpace(request.CursorField) ? null : request.CursorField.Trim();
        }

        source.UpdatedAt = time.GetUtcNow().UtcDateTime;
        if (source.Status == ResourceStatus.Active && source.Kind == SourceKind.Api)
        {
            source.NextRunAt = (request.Schedule ?? RunSchedule.Default).NextAfter(null, time.GetUtcNow())?.UtcDateTime;
        }

        await versions.AddAsync(source.Id, VersionedConfig.Of(source), restoredFrom, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new FlowChange(FlowChangeKind.Source, id));
        return (await GetAsync(id, cancellationToken), []);
    }

    private static bool IsWebhook(CreateSourceRequest request) => string.Equals(request.Connector, "webhook", StringComparison.OrdinalIgnoreCase);

    private async Task<List<FieldError>> ValidateAsync(CreateSourceRequest request, bool webhook, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add(new("name", "Give the source a name."));
        }

        InputLimits.AddTo(errors, ("name", request.Name, InputLimits.Name), ("cursorField", request.CursorField, InputLimits.Path));
        foreach (var (key, value) in request.Parameters ?? [])
        {
            InputLimits.AddTo(errors, ($"parameters.{key}", value, InputLimits.Parameter));
        }

        if (request.Manual is { } manual)
        {
            InputLimits.AddTo(
                errors,
                ("url", manual.Url, InputLimits.Url),
                ("headers", InputLimits.Flatten(manual.Headers), InputLimits.HeadersTotal),
                ("body", manual.Body, InputLimits.RequestBody),
                ("dataPath", manual.DataPath, InputLimits.Path),
                ("metadataPath", manual.MetadataPath, InputLimits.Path),
                ("key", manual.Key, InputLimits.Path),
                ("cursorStart", manual.CursorStart, InputLimits.Path));
        }

        if (request.Schedule is { } schedule)
        {
            errors.AddRange(schedule.Validate());
        }

        if (!string.IsNullOrWhiteSpace(request.Connector) && !IsWebhook(request) && ConnectorCatalog.Find(request.Connector) is null)
        {
            errors.Add(new("connector", $"'{request.Connector}' is not a connector: use webhook for a webhook source, or leave it out (the credential decides)."));
        }

        if (IsWebhook(request) && (request.Manual is not null || !string.IsNullOrWhiteSpace(request.TemplateId) || !string.IsNullOrWhiteSpace(request.CredentialId)))
        {
            errors.Add(new("connector", "A webhook source has no credential, endpoint template or request settings: other systems push records to its URL. Leave them out, or choose another connector."));
        }

        if (!webhook)
        {
            var (plan, planErrors) = await planner.PlanAsync(request, cancellationToken);
            errors.AddRange(planErrors);
            if (plan is null && errors.Count == 0)
            {
                errors.Add(new("manual", "The source configuration is incomplete."));
            }
        }

        return errors;
    }

    /// <summary>
    /// Stores a source that is already valid, with its empty dataset. A webhook source is active (receiving) from the
    /// start: its callers can send records as soon as they have the URL and token.
    /// </summary>
    public async Task<SourceView> StoreAsync(CreateSourceRequest request, SourceKind kind, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var token = kind == SourceKind.Webhook ? WebhookTokens.New() : null;
        var source = new Source
        {
            Id = ResourceIds.New("src"),
            Kind = kind,
            Status = kind == SourceKind.Webhook ? ResourceStatus.Active : ResourceStatus.Paused,
            WebhookToken = token is null ? null : WebhookTokens.Hash(token),
            ScheduleJson = StoredSchedule.Write(request.Schedule),
            Name = request.Name!.Trim(),
            CredentialId = request.CredentialId,
            TemplateId = request.TemplateId,
            ParametersJson = JsonSerializer.Serialize(request.Parameters ?? [], Json),
            ManualJson = request.Manual is null ? null : JsonSerializer.Serialize(request.Manual, Json),
            CursorField = string.IsNullOrWhiteSpace(request.CursorField) ? null : request.CursorField.Trim(),
            DatasetId = ResourceIds.New("ds"),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Datasets.Add(new Dataset { Id = source.DatasetId, Name = source.Name, SourceId = source.Id, CreatedAt = now });
        db.Sources.Add(source);
        await versions.AddAsync(source.Id, VersionedConfig.Of(source), null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new FlowChange(FlowChangeKind.Source, source.Id));
        // The webhook token is shown in full only in this answer; afterwards it is masked like every secret.
        return (await GetAsync(source.Id, cancellationToken))! with { WebhookToken = token };
    }

    public static CreateSourceRequest ToRequest(Source source) => new(
        source.Name,
        source.CredentialId,
        source.TemplateId,
        JsonSerializer.Deserialize<Dictionary<string, string?>>(source.ParametersJson, Json),
        source.ManualJson is null ? null : JsonSerializer.Deserialize<ManualSourceRequest>(source.ManualJson, Json),
        source.Kind == SourceKind.Webhook ? "webhook" : null,
        StoredSchedule.Inspect(source.ScheduleJson).Schedule,
        source.CursorField);

    public async Task<ResourceStatus?> SetStatusAsync(string id, ResourceStatus status, CancellationToken cancellationToken)
    {
        var source = await db.Sources.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (source is null)
        {
            return null;
        }

        source.Status = status;
        source.UpdatedAt = time.GetUtcNow().UtcDateTime;
        source.NextRunAt = status == ResourceStatus.Active && source.Kind == SourceKind.Api ? source.UpdatedAt : null;
        await db.SaveChangesAsync(cancellationToken);
        if (status == ResourceStatus.Paused)
        {
            await runs.CancelAsync(id, cancellationToken);
        }

        events.Publish(new FlowChange(FlowChangeKind.Source, id));
        return status;
    }

    /// <summary>Records a run and queues it for the engine; the run in progress when the source is already running. Null when it does not exist.</summary>
    public async Task<string?> StartRunAsync(string id, CancellationToken cancellationToken)
    {
        if (!await db.Sources.AnyAsync(s => s.Id == id && s.Kind == SourceKind.Api, cancellationToken))
        {
            return null;
        }

        return (await launcher.StartAsync(id, RunKind.Source, automatic: false, cancellationToken)).RunId;
    }

    /// <summary>Deletes the source, its dataset and records. Its destinations are <see cref="SourceDeletion"/>'s to handle first.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var source = await db.Sources.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (source is null)
        {
            return false;
        }

        await runs.CancelAsync(id, cancellationToken);
        await db.DatasetRecords.Where(r => r.DatasetId == source.DatasetId).ExecuteDeleteAsync(cancellationToken);
        await db.Datasets.Where(d => d.Id == source.DatasetId).ExecuteDeleteAsync(cancellationToken);
        await db.ResourceVersions.Where(v => v.ResourceId == id).ExecuteDeleteAsync(cancellationToken);
        db.Sources.Remove(source);
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new FlowChange(FlowChangeKind.Source, id));
        return true;
    }

    private SourceView ToView(Source s, Dictionary<string, string> connectors)
    {
        var request = ToRequest(s);
        var template = s.TemplateId is null ? null : templates.Find(s.TemplateId);
        return new SourceView(s.Id, s.Name, s.Kind, s.CredentialId,
            template?.Connector ?? (s.CredentialId is null ? "webhook" : connectors.GetValueOrDefault(s.CredentialId)),
            s.TemplateId, template?.Name, request.Parameters ?? [], request.Manual, s.DatasetId, s.Status, s.CreatedAt)
        {
            Schedule = request.Schedule,
            ScheduleProblem = StoredSchedule.Inspect(s.ScheduleJson).Problem,
            WebhookUrl = s.Kind == SourceKind.Webhook ? $"/api/webhooks/{s.Id}" : null,
            WebhookToken = s.WebhookToken is null ? null : SecretMask.Mask(s.WebhookToken),
            CursorField = request.Manual?.CursorField ?? s.CursorField,
            Cursor = s.Cursor,
        };
    }
}
