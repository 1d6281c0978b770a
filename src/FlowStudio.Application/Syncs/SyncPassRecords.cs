using System.Text.Json.Nodes;
using static FlowStudio.Application.Syncs.SyncReportBuilder;

namespace FlowStudio.Application.Syncs;

/// <summary>A pass's records made or removed on one side for the other: imports, exports and propagated deletes.</summary>
internal sealed partial class SyncPass
{
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
}
