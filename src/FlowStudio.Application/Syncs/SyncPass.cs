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
internal sealed class SyncPass(
    FlowStudioDb db, SyncFieldCatalog catalog, TimeProvider time, Sync sync, ClientSuccessRecords clientSuccess, CrmRecords crm, bool write,
    SyncReportBuilder report)
{
    private readonly SyncReportBuilder _report = report;
    private readonly HashSet<(SyncObject, string)> _handled = [];
    private Dictionary<SyncObject, SyncPairIndex> _pairs = [];

    /// <summary>The newest ClientSuccess change the push read: the next push reads changes after it.</summary>
    public DateTime? PushCursor { get; private set; }

    public async Task RunAsync(bool pull, CancellationToken cancellationToken)
    {
        var query = db.SyncPairs.Where(p => p.SyncId == sync.Id);
        var stored = write ? await query.ToListAsync(cancellationToken) : await query.AsNoTracking().ToListAsync(cancellationToken);
        _pairs = Enum.GetValues<SyncObject>().ToDictionary(o => o, o => new SyncPairIndex(stored.Where(p => p.Object == o)));
        var objects = new (SyncObject Object, SyncObjectConfig? Config)[]
        {
            (SyncObject.Client, SyncObjectConfig.Read(sync.ClientsJson)), (SyncObject.Contact, SyncObjectConfig.Read(sync.ContactsJson)),
        };
        PushCursor = sync.PushCursor;
        if (pull)
        {
            foreach (var (obj, config) in objects.Where(o => o.Config is not null))
            {
                await PullAsync(obj, config!, cancellationToken);
            }
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

    /// <summary>A paired record deleted in ClientSuccess: deleted in the CRM when the sync propagates deletes and pushes, else left alone.</summary>
    private async Task ClientSuccessDeletedAsync(SyncObject obj, SyncObjectConfig config, SyncPair pair, CancellationToken cancellationToken)
    {
        if (!sync.PropagateDeletes || !config.Direction.Pushes())
        {
            _report.For(obj, CrmSide).Skipped++;
            return;
        }

        if (write && await crm.DeleteAsync(obj, pair.CrmId, cancellationToken) is { } error)
        {
            _report.Failed(obj, CrmSide, pair.CrmId, error);
            return;
        }

        if (!write)
        {
            _report.Sample(obj, CrmSide, "delete", pair.CrmId, new JsonObject());
        }

        RemovePair(obj, pair);
        _report.For(obj, CrmSide).Deleted++;
    }

    /// <summary>A paired record deleted in the CRM: removed from ClientSuccess when the sync propagates deletes and pulls, else left alone.</summary>
    private async Task CrmDeletedAsync(SyncObject obj, SyncObjectConfig config, SyncPair pair, bool inClientSuccess, CancellationToken cancellationToken)
    {
        if (!sync.PropagateDeletes || !config.Direction.Pulls() || !inClientSuccess)
        {
            _report.For(obj, ClientSuccessSide).Skipped++;
            return;
        }

        if (write && await clientSuccess.RemoveAsync(obj, pair.ClientSuccessId, cancellationToken) is { } error)
        {
            _report.Failed(obj, ClientSuccessSide, pair.ClientSuccessId, error);
            return;
        }

        if (!write)
        {
            _report.Sample(obj, ClientSuccessSide, "delete", pair.ClientSuccessId, new JsonObject());
        }

        RemovePair(obj, pair);
        _report.For(obj, ClientSuccessSide).Deleted++;
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

    /// <summary>A CRM record the filter matches and ClientSuccess does not have yet: created there (not for a PUSH-only object).</summary>
    private async Task ImportAsync(SyncObject obj, SyncObjectConfig config, SyncValues values, JsonObject record, CancellationToken cancellationToken)
    {
        var crmId = record[SyncFieldCatalog.CrmId]!.ToString();
        if (config.Direction == SyncDirection.Push)
        {
            _report.For(obj, ClientSuccessSide).Skipped++;
            return;
        }

        var body = new JsonObject();
        var synced = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in config.Fields)
        {
            var required = catalog.Find(SyncSide.ClientSuccess, obj, field.ClientSuccessField)?.Required == true;
            if (field == config.IdMapping)
            {
                body[field.ClientSuccessField] = crmId;
                continue;
            }

            if (!required && !config.EffectiveDirection(field).Pulls())
            {
                continue;
            }

            var value = values.FromCrm(field, record);
            var node = values.ToClientSuccess(field, value);
            if (node is null && values.IsClientLink(field))
            {
                _report.For(obj, ClientSuccessSide).Skipped++;
                return;
            }

            if (node is not null)
            {
                body[field.ClientSuccessField] = node;
                synced[field.ClientSuccessField] = value;
            }
        }

        string csId;
        DateTime? csModified = null;
        if (write)
        {
            var (saved, error) = await clientSuccess.WriteAsync(obj, null, body, cancellationToken);
            if (saved is null)
            {
                _report.Failed(obj, ClientSuccessSide, crmId, error!);
                return;
            }

            csId = ClientSuccessRecords.Id(saved);
            csModified = ClientSuccessRecords.ModifiedAt(saved);
        }
        else
        {
            csId = "new:" + crmId;
            _report.Sample(obj, ClientSuccessSide, "create", null, body);
        }

        AddPair(obj, csId, crmId, synced, csModified, CrmRecords.ModifiedAt(record));
        _report.For(obj, ClientSuccessSide).Created++;
    }

    /// <summary>A record created in ClientSuccess since the initial import: created in the CRM, and its CRM id written back.</summary>
    private async Task ExportAsync(SyncObject obj, SyncObjectConfig config, SyncValues values, JsonObject record, CancellationToken cancellationToken)
    {
        var csId = ClientSuccessRecords.Id(record);
        var body = new JsonObject();
        var synced = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in config.Fields.Where(f => f != config.IdMapping && catalog.Find(SyncSide.Crm, obj, f.CrmField) is { ReadOnly: false }))
        {
            var required = catalog.Find(SyncSide.Crm, obj, field.CrmField)?.Required == true;
            if (!required && !config.EffectiveDirection(field).Pushes())
            {
                continue;
            }

            var value = values.FromClientSuccess(field, record);
            if (value is null && values.IsClientLink(field))
            {
                _report.For(obj, CrmSide).Skipped++;
                return;
            }

            if (values.ToCrm(field, value) is { } node)
            {
                body[field.CrmField] = node;
                synced[field.ClientSuccessField] = value;
            }
        }

        string crmId;
        DateTime? crmModified = null;
        if (write)
        {
            var result = (await crm.WriteAsync(obj, insert: true, [body], cancellationToken))[0];
            if (result.Id is null)
            {
                _report.Failed(obj, CrmSide, csId, result.Error!);
                return;
            }

            crmId = result.Id;
            crmModified = result.ModifiedAt;
            var (_, error) = await clientSuccess.WriteAsync(obj, csId, new JsonObject { [config.IdMapping.ClientSuccessField] = crmId }, cancellationToken);
            if (error is not null)
            {
                _report.Failed(obj, ClientSuccessSide, csId, error);
            }
        }
        else
        {
            crmId = "new:" + csId;
            _report.Sample(obj, CrmSide, "create", null, body);
        }

        AddPair(obj, csId, crmId, synced, ClientSuccessRecords.ModifiedAt(record), crmModified);
        _report.For(obj, CrmSide).Created++;
    }

    private async Task ReconcileAsync(
        SyncObject obj, SyncObjectConfig config, SyncValues values, SyncPair? pair, JsonObject crmRecord, JsonObject csRecord, List<CrmUpdate> updates,
        CancellationToken cancellationToken)
    {
        var csId = ClientSuccessRecords.Id(csRecord);
        var crmId = crmRecord[SyncFieldCatalog.CrmId]!.ToString();
        _handled.Add((obj, csId));
        var last = pair is null ? new Dictionary<string, string?>(StringComparer.Ordinal) : ReadValues(pair.ValuesJson);
        var next = new Dictionary<string, string?>(last, StringComparer.Ordinal);
        var csPatch = new JsonObject();
        var crmPatch = new JsonObject();
        var crmTime = CrmRecords.ModifiedAt(crmRecord);
        var csTime = ClientSuccessRecords.ModifiedAt(csRecord);
        foreach (var field in config.Fields.Where(f => f != config.IdMapping))
        {
            var crmValue = values.FromCrm(field, crmRecord);
            var csValue = values.FromClientSuccess(field, csRecord);
            if (crmValue == csValue)
            {
                next[field.ClientSuccessField] = crmValue;
                continue;
            }

            var (winner, conflict) = Winner(config, field, pair is null, last.GetValueOrDefault(field.ClientSuccessField), crmValue, csValue, crmTime, csTime);
            if (winner == CrmSide && values.ToClientSuccess(field, crmValue) is var node && (node is not null || !values.IsClientLink(field)))
            {
                csPatch[field.ClientSuccessField] = node;
                next[field.ClientSuccessField] = crmValue;
            }
            else if (winner == ClientSuccessSide && catalog.Find(SyncSide.Crm, obj, field.CrmField) is { ReadOnly: false })
            {
                crmPatch[field.CrmField] = values.ToCrm(field, csValue);
                next[field.ClientSuccessField] = csValue;
            }
            else
            {
                continue;
            }

            if (conflict)
            {
                _report.Conflict(new(obj.ToWord(), csId, crmId, field.ClientSuccessField, field.CrmField, csValue, crmValue, winner));
            }
        }

        pair ??= AddPair(obj, csId, crmId, next, csTime, crmTime);
        if (csPatch.Count > 0)
        {
            if (!write)
            {
                _report.Sample(obj, ClientSuccessSide, "update", csId, csPatch);
                _report.For(obj, ClientSuccessSide).Updated++;
            }
            else
            {
                var (saved, error) = await clientSuccess.WriteAsync(obj, csId, csPatch, cancellationToken);
                if (saved is not null)
                {
                    csTime = ClientSuccessRecords.ModifiedAt(saved);
                    _report.For(obj, ClientSuccessSide).Updated++;
                }
                else
                {
                    _report.Failed(obj, ClientSuccessSide, csId, error!);
                    Revert(next, last, csPatch.Select(p => p.Key));
                }
            }
        }

        pair.ValuesJson = JsonSerializer.Serialize(next);
        pair.ClientSuccessModifiedAt = csTime;
        pair.CrmModifiedAt = crmTime;
        pair.SyncedAt = time.GetUtcNow().UtcDateTime;
        if (crmPatch.Count > 0)
        {
            var reverted = config.Fields.Where(f => crmPatch.ContainsKey(f.CrmField)).Select(f => f.ClientSuccessField).ToList();
            crmPatch[SyncFieldCatalog.CrmId] = crmId;
            updates.Add(new CrmUpdate(pair, crmPatch, last, reverted));
        }
    }

    /// <summary>Which side's value a field takes, and whether both changed it (a conflict the newer change wins).</summary>
    private static (string? Winner, bool Conflict) Winner(
        SyncObjectConfig config, SyncFieldConfig field, bool firstPairing, string? last, string? crmValue, string? csValue, DateTime? crmTime, DateTime? csTime)
    {
        var direction = config.EffectiveDirection(field);
        if (firstPairing)
        {
            return (direction.Pulls() ? CrmSide : ClientSuccessSide, false);
        }

        var crmChanged = crmValue != last;
        var csChanged = csValue != last;
        return (crmChanged, csChanged) switch
        {
            (true, true) when direction == SyncDirection.PushAndPull => ((crmTime ?? DateTime.MinValue) > (csTime ?? DateTime.MinValue) ? CrmSide : ClientSuccessSide, true),
            (true, true) => (direction == SyncDirection.Pull ? CrmSide : ClientSuccessSide, false),
            (true, false) => (direction.Pulls() ? CrmSide : null, false),
            (false, true) => (direction.Pushes() ? ClientSuccessSide : null, false),
            _ => (null, false),
        };
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
