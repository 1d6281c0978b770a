using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>The v2 contract with its <c>items[]</c>: shape, validation and the writes every contract route shares.</summary>
internal static class ContractRecords
{
    private static readonly string[] DateFields =
        ["startDate", "endDate", "termStartDate", "termEndDate", "bookingDate", "terminatedDate", "terminatedEffectiveDate"];

    public static readonly ResourceShape Shape = new(
        "Contract",
        [
            "id", "uuid", "tenantId", "tenantClientId", "name", "description", "note", "bookingDate", "probability", "currency",
            "assignedArr", "assignedMrr", "terminatedDate", "terminatedEffectiveDate", "termStartDate", "termEndDate",
            "termLengthDays", "termLengthMonths", "total", "acv", "arr", "mrr", "tcv", "otr", "recurring", "autoRenew",
            "externalId", "createdByEmployeeId", "modifiedByEmployeeId", "createdTime", "modifiedTime", "bookedByEmployee",
            "terminatedByEmployee", "meta", "client", "renews", "renewedBy", "adjusts", "adjustedBy", "items",
            "attachmentCount", "stage", "externalSystems",
        ],
        ["id", "uuid", "tenantId", "client", "createdTime", "modifiedTime", "items", "attachmentCount", "createdByEmployeeId"],
        [
            FieldRule.Reference("clientId"),
            FieldRule.Reference("tenantClientId"),
            FieldRule.Text("name", 255),
            FieldRule.Text("currency", 3),
            FieldRule.Text("externalId", 100),
            FieldRule.Number("probability"),
            FieldRule.Number("amount"),
            FieldRule.Number("total"),
            FieldRule.Number("acv"),
            FieldRule.Number("arr"),
            FieldRule.Number("mrr"),
            FieldRule.Number("tcv"),
            FieldRule.Bool("recurring"),
            FieldRule.Bool("autoRenew"),
            FieldRule.Array("items"),
            .. DateFields.Select(FieldRule.Date),
        ],
        record =>
        {
            record["tenantId"] = ClientSuccessData.TenantId;
            record["items"] = new JsonArray();
            record["attachmentCount"] = 0;
            record["externalSystems"] = new JsonObject();
        });

    public static List<FieldError> Check(ClientSuccessData data, JsonObject body, bool requireAll)
    {
        var errors = Shape.Validate(body, requireAll);
        ClientReference.Check(data, body, requireAll, errors);
        if (body["items"] is JsonArray items)
        {
            errors.AddRange(ContractItemRecords.CheckNew(items, "items"));
        }

        return errors;
    }

    /// <summary>
    /// The natural key contract upserts match on (the seed names no key for contracts; this follows clients): externalId
    /// when sent, else the contract name (case-insensitive) within its client.
    /// </summary>
    public static JsonObject? FindByNaturalKey(ClientSuccessData data, JsonObject body)
    {
        var externalId = Ids.String(body, "externalId");
        if (!string.IsNullOrEmpty(externalId))
        {
            return data.Contracts.LiveMatching(RecordKey.ExternalId, externalId).FirstOrDefault(contract => Ids.String(contract, "externalId") == externalId);
        }

        var name = Ids.String(body, "name");
        if (string.IsNullOrEmpty(name) || ClientReference.Resolve(data, body) is not { } client)
        {
            return null;
        }

        var clientId = Ids.Of(client);
        return data.Contracts.LiveMatching(RecordKey.TenantClientId, RecordKey.Number(clientId)).FirstOrDefault(contract =>
            string.Equals(Ids.String(contract, "name"), name, StringComparison.OrdinalIgnoreCase));
    }

    public static JsonObject Insert(ClientSuccessData data, JsonObject body, string now)
    {
        var record = Shape.Create(body);
        record["uuid"] = data.NewUuid();
        record["createdTime"] = now;
        data.Contracts.Add(record);
        if (body["items"] is JsonArray items)
        {
            foreach (var item in items)
            {
                ContractItemRecords.Add(data, record, item!.AsObject(), now);
            }
        }

        Complete(data, record, body, now);
        return record;
    }

    public static JsonObject Update(ClientSuccessData data, JsonObject existing, JsonObject body, bool replace, string now)
    {
        var record = existing;
        if (replace)
        {
            record = Shape.Replace(existing, body);
            data.Contracts.Put(record);
        }
        else
        {
            Shape.Patch(record, body);
        }

        Complete(data, record, body, now);
        return record;
    }

    /// <summary>A contract with items is worth the sum of its items.</summary>
    public static void Total(JsonObject contract)
    {
        var items = contract["items"]!.AsArray().Select(item => item!.AsObject()).ToList();
        if (items.Count == 0)
        {
            return;
        }

        contract["total"] = Money.Sum(items, "total");
        contract["arr"] = Money.Sum(items, "arr");
        contract["mrr"] = Money.Sum(items, "mrr");
        contract["tcv"] = contract["total"]!.DeepClone();
        contract["acv"] = contract["arr"]!.DeepClone();
    }

    // Destinations send startDate/endDate/amount (the Zeotap mapping); the contract keeps them as its term dates and total.
    private static void Complete(ClientSuccessData data, JsonObject record, JsonObject body, string now)
    {
        if (body["startDate"] is not null)
        {
            record["termStartDate"] = body["startDate"]?.DeepClone();
        }

        if (body["endDate"] is not null)
        {
            record["termEndDate"] = body["endDate"]?.DeepClone();
        }

        if (body["amount"] is not null && body["total"] is null)
        {
            record["total"] = body["amount"]?.DeepClone();
        }

        if (body["termLengthDays"] is null && Term.Between(Ids.String(record, "termStartDate"), Ids.String(record, "termEndDate")) is { } term)
        {
            record["termLengthDays"] = term.Days;
            record["termLengthMonths"] = term.Months;
        }

        if (ClientReference.Resolve(data, body) is { } client)
        {
            ClientReference.Link(record, client);
        }

        Total(record);
        record["modifiedTime"] = now;
    }
}
