using System.Text.Json;
using System.Text.Json.Nodes;
using static FlowStudio.Application.Syncs.SyncReportBuilder;

namespace FlowStudio.Application.Syncs;

/// <summary>A pass's field-by-field comparison of a pair: which side changed what since the last sync, and who wins.</summary>
internal sealed partial class SyncPass
{
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
}
