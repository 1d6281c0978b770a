using FlowStudio.Engine;
using FlowStudio.Engine.Scheduling;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Syncs;

/// <summary>Syncs for the API and the screens alike: the same checks, every field's problem at once.</summary>
internal sealed class SyncService(
    FlowStudioDb db, SyncValidator validator, SyncFieldCatalog catalog, RunService runs, SyncEngine engine, RunLauncher launcher, FlowEvents events,
    TimeProvider time)
{
    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<SyncView>> ListAsync(CancellationToken cancellationToken)
    {
        var syncs = await db.Syncs.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var views = new List<SyncView>(syncs.Count);
        foreach (var sync in syncs)
        {
            views.Add(await ToViewAsync(sync, cancellationToken));
        }

        return views;
    }

    public async Task<SyncView?> GetAsync(string id, CancellationToken cancellationToken) =>
        await db.Syncs.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } sync ? await ToViewAsync(sync, cancellationToken) : null;

    /// <summary>Creates a paused sync: it pulls and pushes once activated (or when run), after the initial import if wanted.</summary>
    public async Task<(SyncView? Sync, IReadOnlyList<FieldError> Errors)> CreateAsync(TwoWaySyncRequest request, CancellationToken cancellationToken)
    {
        var (settings, errors) = await validator.CheckAsync(request, null, cancellationToken);
        if (settings is null)
        {
            return (null, errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var sync = new Sync
        {
            Id = ResourceIds.New("syn"), Name = settings.Name, ClientSuccessCredentialId = settings.ClientSuccessCredentialId,
            CrmCredentialId = settings.CrmCredentialId, PullCron = settings.PullCron, Status = ResourceStatus.Paused, CreatedAt = now,
        };
        Apply(sync, settings, now);
        db.Syncs.Add(sync);
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new FlowChange(FlowChangeKind.Sync, sync.Id));
        return (await ToViewAsync(sync, cancellationToken), []);
    }

    /// <summary>Replaces the settings; null and no errors: the sync does not exist. The record pairs stay.</summary>
    public async Task<(SyncView? Sync, IReadOnlyList<FieldError> Errors)> UpdateAsync(string id, TwoWaySyncRequest request, CancellationToken cancellationToken)
    {
        var sync = await db.Syncs.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (sync is null)
        {
            return (null, []);
        }

        var (settings, errors) = await validator.CheckAsync(request, id, cancellationToken);
        if (settings is null)
        {
            return (null, errors);
        }

        Apply(sync, settings, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new FlowChange(FlowChangeKind.Sync, sync.Id));
        return (await ToViewAsync(sync, cancellationToken), []);
    }

    /// <summary>Deletes the sync and its record pairs; the records on both sides stay.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var sync = await db.Syncs.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (sync is null)
        {
            return false;
        }

        await db.SyncPairs.Where(p => p.SyncId == id).ExecuteDeleteAsync(cancellationToken);
        db.Syncs.Remove(sync);
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new FlowChange(FlowChangeKind.Sync, id));
        return true;
    }

    /// <summary>Active: pulls on the schedule and pushes ClientSuccess's changes every interval; paused: neither. Null when it does not exist.</summary>
    public async Task<SyncView?> SetStatusAsync(string id, ResourceStatus status, CancellationToken cancellationToken)
    {
        var sync = await db.Syncs.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (sync is null)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        sync.Status = status;
        sync.NextPullAt = status == ResourceStatus.Active ? NextPull(sync, now) : null;
        sync.NextPushAt = status == ResourceStatus.Active ? now.AddSeconds(sync.PushIntervalSeconds) : null;
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new FlowChange(FlowChangeKind.Sync, id));
        return await ToViewAsync(sync, cancellationToken);
    }

    /// <summary>
    /// The import filters' matching CRM records (count and sample) and the dry run of the next pass: the initial import
    /// until it has run. Nothing is written. Null when the sync does not exist; throws <see cref="SyncCallException"/>
    /// when a side cannot be read.
    /// </summary>
    public async Task<SyncPreview?> PreviewAsync(string id, CancellationToken cancellationToken) =>
        await db.Syncs.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } sync
            ? await engine.PreviewAsync(sync, cancellationToken)
            : null;

    /// <summary>Starts the initial import (the sync's first run). Refused once it has run: then runs pull and push.</summary>
    public Task<(RunStart? Run, string? Problem)> ImportAsync(string id, CancellationToken cancellationToken) =>
        StartAsync(id, importing: true, cancellationToken);

    /// <summary>Runs now: pulls from the CRM and pushes ClientSuccess's changes. Refused until the initial import has run.</summary>
    public Task<(RunStart? Run, string? Problem)> RunAsync(string id, CancellationToken cancellationToken) =>
        StartAsync(id, importing: false, cancellationToken);

    /// <summary>What a sync run did: counts per object and side, conflicts, record errors. Null when the run has no report (yet).</summary>
    public async Task<SyncReport?> ReportAsync(string runId, CancellationToken cancellationToken) =>
        await db.SyncRunReports.AsNoTracking().Where(r => r.RunId == runId).Select(r => r.ReportJson).FirstOrDefaultAsync(cancellationToken) is { } json
            ? JsonSerializer.Deserialize<SyncReport>(json, ReportJson)
            : null;

    /// <summary>The fields of each side for <paramref name="obj"/>, for the mapping dropdowns.</summary>
    public IReadOnlyList<SyncField> Fields(SyncSide side, SyncObject obj) => catalog.Fields(side, obj);

    /// <summary>
    /// The mappings proposed for a new sync: the CRM ID mapping (CRM id pulled into externalId), the contact's client from
    /// its account, and fields with the same name or a known equivalent (Account_Name → name, Website → siteUrl, …).
    /// </summary>
    public IReadOnlyList<SyncFieldRequest> Propose(SyncObject obj) => SyncProposals.For(catalog, obj);

    private async Task<(RunStart? Run, string? Problem)> StartAsync(string id, bool importing, CancellationToken cancellationToken)
    {
        var sync = await db.Syncs.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (sync is null)
        {
            return (null, null);
        }

        if (importing != (sync.ImportedAt is null))
        {
            return (null, importing
                ? "The initial import has run already: run the sync to pull and push changes."
                : "Run the initial import first (preview it to see what it creates and updates).");
        }

        sync.PullRequested = true;
        return (await launcher.StartAsync(id, RunKind.Sync, automatic: false, cancellationToken), null);
    }

    private void Apply(Sync sync, SyncSettings settings, DateTime now)
    {
        sync.Name = settings.Name;
        sync.ClientSuccessCredentialId = settings.ClientSuccessCredentialId;
        sync.CrmCredentialId = settings.CrmCredentialId;
        sync.ClientsJson = SyncObjectConfig.Write(settings.Clients);
        sync.ContactsJson = SyncObjectConfig.Write(settings.Contacts);
        sync.PullCron = settings.PullCron;
        sync.PushIntervalSeconds = settings.PushIntervalSeconds;
        sync.PropagateDeletes = settings.PropagateDeletes;
        sync.UpdatedAt = now;
        if (sync.Status == ResourceStatus.Active)
        {
            sync.NextPullAt = NextPull(sync, now);
            sync.NextPushAt = now.AddSeconds(settings.PushIntervalSeconds);
        }
    }

    internal static DateTime? NextPull(string cron, DateTime now) =>
        new RunSchedule(RunSchedule.CronKind, Cron: cron).NextAfter(now, now)?.UtcDateTime;

    /// <summary>The sync's next pull: the soonest of its objects' poll schedules (each its own, or the sync's).</summary>
    internal static DateTime? NextPull(Sync sync, DateTime now) =>
        Enum.GetValues<SyncObject>().Select(obj => SyncObjectConfig.Of(sync, obj))
            .OfType<SyncObjectConfig>()
            .Select(config => NextPull(config.PullCron ?? sync.PullCron, now))
            .Min();

    private async Task<SyncView> ToViewAsync(Sync sync, CancellationToken cancellationToken)
    {
        var lastRunId = await db.Runs.AsNoTracking().Where(r => r.ResourceId == sync.Id).OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var lastRun = lastRunId is null ? null : await runs.GetAsync(lastRunId, cancellationToken);
        return new SyncView(
            sync.Id, sync.Name, sync.Status.ToWord(), sync.ClientSuccessCredentialId, sync.CrmCredentialId,
            SyncObjectConfig.Read(sync.ClientsJson)?.ToView(), SyncObjectConfig.Read(sync.ContactsJson)?.ToView(),
            sync.PullCron, sync.PushIntervalSeconds, sync.PropagateDeletes, lastRun, sync.NextPullAt, sync.ImportedAt, sync.CreatedAt, sync.UpdatedAt);
    }
}
