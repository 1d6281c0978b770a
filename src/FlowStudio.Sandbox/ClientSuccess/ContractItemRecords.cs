using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>Contract line items, stored inside their contract's <c>items</c> array.</summary>
internal static class ContractItemRecords
{
    public static readonly ResourceShape Shape = new(
        "Contract item",
        [
            "id", "uuid", "tenantId", "tenantContractId", "lineNumber", "productCode", "description", "quantity", "total",
            "recurring", "termStartDate", "termEndDate", "termLengthDays", "termLengthMonths", "assignedArr", "assignedMrr",
            "pricePer", "arr", "mrr", "externalId", "createdTime", "modifiedTime", "externalSystems",
        ],
        ["id", "uuid", "tenantId", "tenantContractId", "lineNumber", "createdTime", "modifiedTime"],
        [
            FieldRule.Text("productCode", 100),
            FieldRule.Text("description", 1024),
            FieldRule.Number("quantity"),
            FieldRule.Number("pricePer"),
            FieldRule.Number("total"),
            FieldRule.Number("arr"),
            FieldRule.Number("mrr"),
            FieldRule.Bool("recurring"),
            FieldRule.Date("termStartDate"),
            FieldRule.Date("termEndDate"),
            FieldRule.Text("externalId", 100),
        ],
        record =>
        {
            record["tenantId"] = ClientSuccessData.TenantId;
            record["externalSystems"] = new JsonObject();
        });

    public static List<FieldError> CheckNew(JsonArray items, string prefix)
    {
        var errors = new List<FieldError>();
        for (var index = 0; index < items.Count; index++)
        {
            if (items[index] is JsonObject body)
            {
                errors.AddRange(Shape.Validate(body, requireAll: true).Select(error => Prefixed(prefix, index, error)));
            }
            else
            {
                errors.Add(new FieldError($"{prefix}[{index}]", $"{prefix}[{index}] must be an object"));
            }
        }

        return errors;
    }

    /// <summary>Updates name their item by <c>id</c>, which must belong to <paramref name="contract"/>.</summary>
    public static List<FieldError> CheckUpdates(JsonObject contract, IReadOnlyList<JsonObject> items)
    {
        var errors = new List<FieldError>();
        for (var index = 0; index < items.Count; index++)
        {
            var id = Ids.Long(items[index], "id");
            if (id is null)
            {
                errors.Add(Prefixed("items", index, new FieldError("id", "id is required")));
            }
            else if (Find(contract, id.Value) is null)
            {
                errors.Add(Prefixed("items", index, new FieldError("id", $"id {id} is not an item of contract {Ids.Of(contract)}")));
            }

            errors.AddRange(Shape.Validate(items[index], requireAll: false).Select(error => Prefixed("items", index, error)));
        }

        return errors;
    }

    public static JsonObject Add(ClientSuccessData data, JsonObject contract, JsonObject body, string now)
    {
        var items = contract["items"]!.AsArray();
        var item = Shape.Create(body);
        item["id"] = data.NextContractItemId++;
        item["uuid"] = data.NewUuid();
        item["tenantContractId"] = Ids.Of(contract);
        item["lineNumber"] = items.Count + 1;
        item["createdTime"] = now;
        Complete(item, body, now);
        items.Add(item);
        return item;
    }

    public static void Update(JsonObject item, JsonObject body, string now)
    {
        Shape.Patch(item, body);
        Complete(item, body, now);
    }

    public static JsonObject? Find(JsonObject contract, long id) =>
        contract["items"]!.AsArray().OfType<JsonObject>().FirstOrDefault(item => Ids.Of(item) == id);

    // Amounts the caller leaves out follow from the ones it sends: total = quantity × pricePer, ARR of a recurring item = its total.
    private static void Complete(JsonObject item, JsonObject body, string now)
    {
        if (body["total"] is null && Money.Read(item, "quantity") is { } quantity && Money.Read(item, "pricePer") is { } price)
        {
            item["total"] = Money.Round(quantity * price);
        }

        var recurring = item["recurring"] is JsonValue flag && flag.GetValue<bool>();
        if (body["arr"] is null)
        {
            item["arr"] = recurring ? Money.Read(item, "total") ?? 0 : 0;
        }

        if (body["mrr"] is null)
        {
            item["mrr"] = Money.Round((Money.Read(item, "arr") ?? 0) / 12);
        }

        if (Term.Between(Ids.String(item, "termStartDate"), Ids.String(item, "termEndDate")) is { } term)
        {
            item["termLengthDays"] = term.Days;
            item["termLengthMonths"] = term.Months;
        }

        item["modifiedTime"] = now;
    }

    private static FieldError Prefixed(string prefix, int index, FieldError error) =>
        new($"{prefix}[{index}].{error.Field}", $"{prefix}[{index}]: {error.Message}");
}
