using FlowStudio.Engine;
using FlowStudio.Engine.Scheduling;
namespace FlowStudio.Application.Syncs;

/// <summary>
/// Checks one object's settings against both sides' fields and names each problem's field (<c>clients.fields[2].crmField</c>).
/// A field direction that differs from a PUSH-only or PULL-only object's is kept and shown as superseded, as the
/// integration's documentation states ("it will supersede field-level mappings"), not refused.
/// </summary>
internal sealed class SyncObjectValidator(SyncFieldCatalog catalog)
{
    public static readonly string[] Operators = ["equals", "not_equal", "starts_with", "in"];

    public SyncObjectConfig? Check(SyncObject obj, SyncObjectRequest request, string prefix, List<FieldError> errors)
    {
        var before = errors.Count;
        var direction = SyncDirection.PushAndPull;
        if (!string.IsNullOrWhiteSpace(request.Direction) && !SyncWords.TryParseDirection(request.Direction, out direction))
        {
            errors.Add(new($"{prefix}.direction", $"'{request.Direction}' is not a direction; use push, pull or push-and-pull."));
        }

        var match = SyncFilterMatch.Any;
        if (!string.IsNullOrWhiteSpace(request.FilterMatch) && !StoredWords.TryParse(request.FilterMatch, out match))
        {
            errors.Add(new($"{prefix}.filterMatch", $"'{request.FilterMatch}' is not a match; use any or all."));
        }

        var conditions = Conditions(obj, request.ImportFilter ?? [], prefix, errors);
        var fields = Fields(obj, direction, request.Fields ?? [], prefix, errors);
        var cron = string.IsNullOrWhiteSpace(request.PullSchedule) ? null : request.PullSchedule.Trim();
        if (cron is not null && CronExpression.Parse(cron).Problem is { } problem)
        {
            errors.Add(new($"{prefix}.pullSchedule", problem));
        }

        return errors.Count == before ? new SyncObjectConfig(direction, match, conditions, fields, cron) : null;
    }

    private List<SyncConditionConfig> Conditions(SyncObject obj, IReadOnlyList<SyncCondition?> conditions, string prefix, List<FieldError> errors)
    {
        var result = new List<SyncConditionConfig>();
        for (var i = 0; i < conditions.Count; i++)
        {
            var at = $"{prefix}.importFilter[{i}]";
            if (conditions[i] is not { } condition)
            {
                errors.Add(new(at, "Give a condition: field, operator and value."));
                continue;
            }

            var field = condition.Field?.Trim();
            if (catalog.Find(SyncSide.Crm, obj, field) is null)
            {
                errors.Add(new($"{at}.field", $"'{field}' is not a field of the CRM's {SyncFieldCatalog.CrmModule(obj)}; use one of {Names(SyncSide.Crm, obj)}."));
            }

            var op = condition.Operator?.Trim().ToLowerInvariant() ?? "";
            if (!Operators.Contains(op))
            {
                errors.Add(new($"{at}.operator", $"'{condition.Operator}' is not an operator; use {string.Join(", ", Operators)}."));
            }

            if (string.IsNullOrWhiteSpace(condition.Value))
            {
                errors.Add(new($"{at}.value", "Give the value to compare with."));
            }

            result.Add(new(field ?? "", op, condition.Value?.Trim() ?? ""));
        }

        return result;
    }

    private List<SyncFieldConfig> Fields(SyncObject obj, SyncDirection objectDirection, IReadOnlyList<SyncFieldRequest?> rows, string prefix, List<FieldError> errors)
    {
        var result = new List<SyncFieldConfig>();
        for (var i = 0; i < rows.Count; i++)
        {
            var at = $"{prefix}.fields[{i}]";
            if (rows[i] is not { } row)
            {
                errors.Add(new(at, "Give a mapping: a ClientSuccess field and a CRM field."));
                continue;
            }

            var csName = row.ClientSuccessField?.Trim();
            var crmName = row.CrmField?.Trim();
            var cs = catalog.Find(SyncSide.ClientSuccess, obj, csName);
            var crm = catalog.Find(SyncSide.Crm, obj, crmName);
            if (cs is null)
            {
                errors.Add(new($"{at}.clientSuccessField", $"'{csName}' is not a field of ClientSuccess {obj.ToWord()}s; use one of {Names(SyncSide.ClientSuccess, obj)}."));
            }
            else if (result.Any(f => f.ClientSuccessField == cs.Name))
            {
                errors.Add(new($"{at}.clientSuccessField", $"'{cs.Name}' is mapped twice; map it once."));
            }

            if (crm is null)
            {
                errors.Add(new($"{at}.crmField", $"'{crmName}' is not a field of the CRM's {SyncFieldCatalog.CrmModule(obj)}; use one of {Names(SyncSide.Crm, obj)}."));
            }
            else if (result.Any(f => f.CrmField == crm.Name))
            {
                errors.Add(new($"{at}.crmField", $"'{crm.Name}' is mapped twice; map it once."));
            }

            SyncDirection? direction = null;
            if (!string.IsNullOrWhiteSpace(row.Direction))
            {
                if (SyncWords.TryParseDirection(row.Direction, out var parsed))
                {
                    direction = parsed;
                }
                else
                {
                    errors.Add(new($"{at}.direction", $"'{row.Direction}' is not a direction; use push, pull or push-and-pull, or leave it blank for the object's."));
                }
            }

            if (crm is { ReadOnly: true } && direction is { } own && own.Pushes())
            {
                errors.Add(new($"{at}.direction", $"The CRM sets '{crm.Name}' itself, so it cannot be pushed; use pull."));
            }

            if (cs is not null && crm is not null && (cs.Type == "reference") != (crm.Type == "lookup"))
            {
                errors.Add(new($"{at}.crmField", $"A contact's client ('{SyncFieldCatalog.ContactClient}') is its CRM account: map it to the account lookup (Account_Name), and that lookup to it only."));
            }
            else if (cs is not null && crm is not null)
            {
                result.Add(new(cs.Name, crm.Name, direction));
            }
        }

        if (result.Count == rows.Count)
        {
            CheckRequired(obj, objectDirection, result, prefix, errors);
        }

        return result;
    }

    /// <summary>The CRM ID mapping, the required ClientSuccess fields and, when records are pushed, the CRM's mandatory field.</summary>
    private void CheckRequired(SyncObject obj, SyncDirection objectDirection, List<SyncFieldConfig> fields, string prefix, List<FieldError> errors)
    {
        if (!fields.Any(f => f.CrmField == SyncFieldCatalog.CrmId))
        {
            errors.Add(new($"{prefix}.fields", $"Map the CRM's '{SyncFieldCatalog.CrmId}' to a ClientSuccess field (the CRM ID mapping, e.g. externalId): records are matched by it."));
        }

        foreach (var required in catalog.Fields(SyncSide.ClientSuccess, obj).Where(f => f.Required && fields.All(m => m.ClientSuccessField != f.Name)))
        {
            errors.Add(new($"{prefix}.fields", $"Map the ClientSuccess field '{required.Name}' ({required.Label}): a {obj.ToWord()} cannot be created without it."));
        }

        if (objectDirection.Pushes())
        {
            foreach (var required in catalog.Fields(SyncSide.Crm, obj).Where(f => f.Required && !fields.Any(m => m.CrmField == f.Name && SyncWords.Effective(objectDirection, m.Direction).Pushes())))
            {
                errors.Add(new($"{prefix}.fields", $"Map the CRM field '{required.Name}' ({required.Label}) with a direction that pushes: the object pushes, and a CRM record cannot be created without it."));
            }
        }
    }

    private string Names(SyncSide side, SyncObject obj) => string.Join(", ", catalog.Fields(side, obj).Select(f => f.Name));
}
