using System.Text.Json;
using System.Text.Json.Nodes;
using FlowStudio.Engine.Http;

namespace FlowStudio.Application.Syncs;

/// <summary>
/// Runs a sync's passes and previews with its two credentials: every call goes through the engine's
/// <see cref="ApiClient"/> (secrets only to their own origin, retries, each credential's rate budget).
/// </summary>
internal sealed class SyncEngine(FlowStudioDb db, ConnectionFactory connections, ApiClient api, RunRetries retries, SyncFieldCatalog catalog, TimeProvider time)
{
    private const int SampleSize = 5;

    /// <summary>A pass that writes, or its dry run (<paramref name="write"/> false), to run once.</summary>
    public SyncPassRun Start(Sync sync, bool write) => new(this, sync, write);

    /// <summary>Whether ClientSuccess has changes after the push cursor on an object the sync pushes (one small call each).</summary>
    public async Task<bool> HasClientSuccessChangesAsync(Sync sync, CancellationToken cancellationToken)
    {
        var (clientSuccess, _) = await GatewaysAsync(sync, new SyncCallCounter(), cancellationToken);
        foreach (var (obj, json) in new[] { (SyncObject.Client, sync.ClientsJson), (SyncObject.Contact, sync.ContactsJson) })
        {
            if (SyncObjectConfig.Read(json) is { Direction: not SyncDirection.Pull } && await clientSuccess.ChangedAfterAsync(obj, sync.PushCursor, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    public async Task<SyncPreview> PreviewAsync(Sync sync, CancellationToken cancellationToken)
    {
        var calls = new SyncCallCounter();
        var (_, crm) = await GatewaysAsync(sync, calls, cancellationToken);
        var filters = new List<SyncFilterPreview>();
        foreach (var (obj, json) in new[] { (SyncObject.Client, sync.ClientsJson), (SyncObject.Contact, sync.ContactsJson) })
        {
            if (SyncObjectConfig.Read(json) is not { } config)
            {
                continue;
            }

            var fields = config.Fields.Select(f => f.CrmField).Concat(config.ImportFilter.Select(c => c.Field)).Append(SyncFieldCatalog.CrmId).Distinct().ToList();
            var matching = await crm.MatchingAsync(obj, config, fields, cancellationToken);
            var total = config.ImportFilter.Count == 0 ? matching.Count : (await crm.AllAsync(obj, [SyncFieldCatalog.CrmId], cancellationToken)).Count;
            filters.Add(new SyncFilterPreview(
                obj.ToWord(), matching.Count, total, config.ImportFilter.Count == 0 ? null : CrmRecords.Criteria(config),
                [.. matching.Take(SampleSize).Select(r => Flat(r, fields))]));
        }

        var dryRun = Start(sync, write: false);
        await dryRun.RunAsync(pull: true, cancellationToken);
        return new SyncPreview(filters, dryRun.Report.Build());
    }

    private static IReadOnlyDictionary<string, string?> Flat(JsonObject record, List<string> fields) =>
        fields.ToDictionary(f => f, f => record[f] switch
        {
            null => null,
            JsonObject lookup => lookup["name"]?.ToString() ?? lookup["id"]?.ToString(),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            var node => node.ToJsonString(),
        });

    internal SyncPass Pass(Sync sync, ClientSuccessRecords clientSuccess, CrmRecords crm, bool write, SyncReportBuilder report) =>
        new(db, catalog, time, sync, clientSuccess, crm, write, report);

    internal async Task<(ClientSuccessRecords ClientSuccess, CrmRecords Crm)> GatewaysAsync(Sync sync, SyncCallCounter calls, CancellationToken cancellationToken)
    {
        var csConnection = await connections.CreateAsync(sync.ClientSuccessCredentialId, cancellationToken)
            ?? throw new SyncCallException("The sync's ClientSuccess credential no longer exists: choose another one.");
        var crmConnection = await connections.CreateAsync(sync.CrmCredentialId, cancellationToken)
            ?? throw new SyncCallException("The sync's CRM credential no longer exists: choose another one.");
        return (
            new ClientSuccessRecords(api, csConnection, retries.For(null, sync.ClientSuccessCredentialId, csConnection.Connector), calls),
            new CrmRecords(api, crmConnection, retries.For(null, sync.CrmCredentialId, crmConnection.Connector), calls));
    }
}
