using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using static FlowStudio.Application.Syncs.SyncReportBuilder;

namespace FlowStudio.Application.Syncs;

/// <summary>
/// One pass of a sync, or its dry run (<c>write</c> false: the same decisions, nothing written). The pull reads the CRM
/// records the import filter matches and pairs each with a ClientSuccess record by the CRM ID mapping, creating it in
/// ClientSuccess the first time; the push reads the ClientSuccess records changed since the last push. For each pair and
/// mapped field the values are compared with those both sides had after the last sync: only a side whose value differs
/// from them changed, so what the sync wrote itself is never taken for a change (no echo). The object's direction
/// (PUSH or PULL only) supersedes the field's; when both sides changed a field that goes both ways, the side whose record
/// changed last wins and the conflict is reported.
/// </summary>
internal sealed partial class SyncPass(
    FlowStudioDb db, SyncFieldCatalog catalog, TimeProvider time, Sync sync, ClientSuccessRecords clientSuccess, CrmRecords crm, bool write,
    SyncReportBuilder report)
{
    private readonly SyncReportBuilder _report = report;
    private readonly HashSet<(SyncObject, string)> _handled = [];
    private Dictionary<SyncObject, SyncPairIndex> _pairs = [];

    /// <summary>The newest ClientSuccess change the push read: the next push reads changes after it.</summary>
    public DateTime? PushCursor { get; private set; }

    public async Task RunAsync(IReadOnlySet<SyncObject> pulled, CancellationToken cancellationToken)
    {
        var query = db.SyncPairs.Where(p => p.SyncId == sync.Id);
        var stored = write ? await query.ToListAsync(cancellationToken) : await query.AsNoTracking().ToListAsync(cancellationToken);
        _pairs = Enum.GetValues<SyncObject>().ToDictionary(o => o, o => new SyncPairIndex(stored.Where(p => p.Object == o)));
        var objects = new (SyncObject Object, SyncObjectConfig? Config)[]
        {
            (SyncObject.Client, SyncObjectConfig.Read(sync.ClientsJson)), (SyncObject.Contact, SyncObjectConfig.Read(sync.ContactsJson)),
        };
        PushCursor = sync.PushCursor;
        foreach (var (obj, config) in objects.Where(o => o.Config is not null && pulled.Contains(o.Object)))
        {
            await PullAsync(obj, config!, cancellationToken);
        }

        foreach (var (obj, config) in objects.Where(o => o.Config is { Direction: not SyncDirection.Pull }))
        {
            await PushAsync(obj, config!, cancellationToken);
        }
    }

    private async Task PullAsync(SyncObject obj, SyncObjectConfig config, CancellationToken cancellationToken)
    {
        var values = new SyncValues(catalog, obj, _pairs[SyncObject.Client]);
        var crmFields = config.Fields.Select(f => f.CrmField).Concat(config.ImportFilter.Select(c => c.Field)).Append(SyncFieldCatalog.CrmId).ToList();
        var matches = await crm.MatchingAsync(obj, config, crmFields, cancellationToken);
        var all = config.ImportFilter.Count > 0 ? await crm.AllAsync(obj, [SyncFieldCatalog.CrmId], cancellationToken) : matches;
        _report.For(obj, ClientSuccessSide).SkippedByFilter = all.Count - matches.Count;
        var live = all.Select(r => r[SyncFieldCatalog.CrmId]!.ToString()).ToHashSet(StringComparer.Ordinal);
        var deleted = _pairs[obj].All.Where(p => !live.Contains(p.CrmId)).ToList();

        var records = await clientSuccess.SearchAsync(obj, null, cancellationToken);
        _report.Read += matches.Count + records.Count;
        var byId = records.ToDictionary(ClientSuccessRecords.Id, StringComparer.Ordinal);
        var idField = config.IdMapping.ClientSuccessField;
        var byCrmId = records.Where(r => r[idField] is not null).GroupBy(r => r[idField]!.ToString(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var updates = new List<CrmUpdate>();
        foreach (var record in matches)
        {
            var crmId = record[SyncFieldCatalog.CrmId]!.ToString();
            var pair = _pairs[obj].ByCrm(crmId);
            var csRecord = pair is null ? byCrmId.GetValueOrDefault(crmId) : byId.GetValueOrDefault(pair.ClientSuccessId);
            if (pair is null && csRecord is null)
            {
                await ImportAsync(obj, config, values, record, cancellationToken);
            }
            else if (csRecord is null)
            {
                await ClientSuccessDeletedAsync(obj, config, pair!, cancellationToken);
            }
            else
            {
                await ReconcileAsync(obj, config, values, pair, record, csRecord, updates, cancellationToken);
            }
        }

        await UpdateCrmAsync(obj, updates, cancellationToken);
        foreach (var pair in deleted)
        {
            await CrmDeletedAsync(obj, config, pair, byId.ContainsKey(pair.ClientSuccessId), cancellationToken);
        }
    }

    private void RemovePair(SyncObject obj, SyncPair pair)
    {
        _pairs[obj].Remove(pair);
        if (write)
        {
            db.SyncPairs.Remove(pair);
        }
    }

    private async Task PushAsync(SyncObject obj, SyncObjectConfig config, CancellationToken cancellationToken)
    {
        var values = new SyncValues(catalog, obj, _pairs[SyncObject.Client]);
        var changed = await clientSuccess.SearchAsync(obj, sync.PushCursor, cancellationToken);
        _report.Read += changed.Count;
        var updates = new List<CrmUpdate>();
        foreach (var record in changed)
        {
            if (ClientSuccessRecords.ModifiedAt(record) is { } modified && (PushCursor is null || modified > PushCursor))
            {
                PushCursor = modified;
            }

            var csId = ClientSuccessRecords.Id(record);
            if (_handled.Contains((obj, csId)))
            {
                continue;
            }

            if (_pairs[obj].ByClientSuccess(csId) is { } pair)
            {
                var crmRecord = await crm.GetAsync(obj, pair.CrmId, cancellationToken);
                if (crmRecord is null)
                {
                    _report.For(obj, CrmSide).Skipped++;
                    continue;
                }

                _report.Read++;
                await ReconcileAsync(obj, config, values, pair, crmRecord, record, updates, cancellationToken);
            }
            else if (sync.ImportedAt is { } imported && CreatedAt(record) > imported)
            {
                await ExportAsync(obj, config, values, record, cancellationToken);
            }
        }

        await UpdateCrmAsync(obj, updates, cancellationToken);
    }

    private async Task UpdateCrmAsync(SyncObject obj, List<CrmUpdate> updates, CancellationToken cancellationToken)
    {
        if (updates.Count == 0)
        {
            return;
        }

        if (!write)
        {
            foreach (var update in updates)
            {
                _report.Sample(obj, CrmSide, "update", update.Pair.CrmId, update.Body);
                _report.For(obj, CrmSide).Updated++;
            }

            return;
        }

        var results = await crm.WriteAsync(obj, insert: false, updates.Select(u => u.Body).ToList(), cancellationToken);
        for (var i = 0; i < updates.Count; i++)
        {
            var update = updates[i];
            if (results[i].Error is { } error)
            {
                _report.Failed(obj, CrmSide, update.Pair.CrmId, error);
                var next = ReadValues(update.Pair.ValuesJson);
                Revert(next, update.Last, update.Fields);
                update.Pair.ValuesJson = JsonSerializer.Serialize(next);
            }
            else
            {
                update.Pair.CrmModifiedAt = results[i].ModifiedAt ?? update.Pair.CrmModifiedAt;
                _report.For(obj, CrmSide).Updated++;
            }
        }
    }

    private SyncPair AddPair(SyncObject obj, string csId, string crmId, Dictionary<string, string?> values, DateTime? csModified, DateTime? crmModified)
    {
        var pair = new SyncPair
        {
            SyncId = sync.Id, Object = obj, ClientSuccessId = csId, CrmId = crmId, ValuesJson = JsonSerializer.Serialize(values),
            ClientSuccessModifiedAt = csModified, CrmModifiedAt = crmModified, SyncedAt = time.GetUtcNow().UtcDateTime,
        };
        _pairs[obj].Add(pair);
        _handled.Add((obj, csId));
        if (write)
        {
            db.SyncPairs.Add(pair);
        }

        return pair;
    }

    private static void Revert(Dictionary<string, string?> next, Dictionary<string, string?> last, IEnumerable<string> fields)
    {
        foreach (var field in fields)
        {
            if (last.TryGetValue(field, out var value))
            {
                next[field] = value;
            }
            else
            {
                next.Remove(field);
            }
        }
    }

    private static Dictionary<string, string?> ReadValues(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string?>>(json) is { } values
            ? new Dictionary<string, string?>(values, StringComparer.Ordinal)
            : new Dictionary<string, string?>(StringComparer.Ordinal);

    private static DateTime? CreatedAt(JsonObject record) =>
        record["createdTime"]?.GetValue<string>() is { } text && DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    /// <summary>A CRM update waiting for its batch: the pair, the body, and the values to put back if the CRM refuses it.</summary>
    private sealed record CrmUpdate(SyncPair Pair, JsonObject Body, Dictionary<string, string?> Last, IReadOnlyList<string> Fields);
}
