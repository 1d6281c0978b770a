using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>The v2 client: its shape, validation and the writes every client route shares.</summary>
internal static class ClientRecords
{
    public static readonly ResourceShape Shape = new(
        "Client",
        [
            "id", "tenantId", "uuid", "name", "siteUrl", "zip", "status", "inceptionDate", "assignedSalesRep", "active",
            "successScore", "activeClientSuccessCycleId", "zendeskId", "terminatedDate", "salesforceAccountId", "usageId",
            "stripeId", "regionId", "street", "city", "state", "country", "timezone", "externalId", "npsScore", "note",
            "createdByEmployeeId", "modifiedByEmployeeId", "createdTime", "modifiedTime", "entityType", "clientType",
            "managedByEmployee", "assignedSalesRepAssociation", "primaryContact", "externalSystems", "custom", "segment",
            "lastTouchDateTime", "lastTouchType",
        ],
        ["id", "tenantId", "uuid", "createdTime", "modifiedTime", "entityType", "successScore", "activeClientSuccessCycleId",
            "lastTouchDateTime", "lastTouchType", "segment", "createdByEmployeeId"],
        [
            FieldRule.Text("name", 255, required: true),
            FieldRule.OneOf("status", TenantDirectory.ClientStatuses),
            FieldRule.Bool("active"),
            FieldRule.Text("siteUrl", 1024),
            FieldRule.Date("inceptionDate"),
            FieldRule.Date("terminatedDate"),
            FieldRule.Text("street", 100),
            FieldRule.Text("city", 100),
            FieldRule.Text("state", 100),
            FieldRule.Text("zip", 20),
            FieldRule.Text("country", 100),
            FieldRule.Text("timezone", 60),
            FieldRule.Text("externalId", 100),
            FieldRule.Text("salesforceAccountId", 18),
            FieldRule.Text("assignedSalesRep", 45),
            FieldRule.Text("stripeId", 200),
            FieldRule.Int("npsScore"),
            FieldRule.Object("custom"),
            FieldRule.Object("externalSystems"),
        ],
        record =>
        {
            record["tenantId"] = ClientSuccessData.TenantId;
            record["entityType"] = "CLIENT";
            record["custom"] = new JsonObject();
            record["externalSystems"] = new JsonObject();
        });

    public static List<FieldError> Check(JsonObject body, bool requireAll)
    {
        var errors = Shape.Validate(body, requireAll);
        if (Ids.Long(body, "npsScore") is < -100 or > 100)
        {
            errors.Add(new FieldError("npsScore", "npsScore must be between -100 and 100"));
        }

        if (body.ContainsKey("clientType") && body["clientType"] is not null && TenantDirectory.FindClientType(body["clientType"]) is null)
        {
            errors.Add(new FieldError("clientType",
                $"clientType must name one of the tenant's client types by id or title: {string.Join(", ", TenantDirectory.ClientTypes.Select(t => $"{t.Id} {t.Title}"))}"));
        }

        return errors;
    }

    /// <summary>Creates a client from a body that passed <see cref="Check"/>.</summary>
    public static JsonObject Insert(ClientSuccessData data, JsonObject body, string now)
    {
        var record = Shape.Create(body);
        record["uuid"] = data.NewUuid();
        Complete(record, body, creating: true, now);
        return data.Clients.Add(record);
    }

    /// <summary>Full replace (PUT) or partial update (PATCH) of a client with a body that passed <see cref="Check"/>.</summary>
    public static JsonObject Update(ClientSuccessData data, JsonObject existing, JsonObject body, bool replace, string now)
    {
        var record = existing;
        if (replace)
        {
            record = Shape.Replace(existing, body);
            data.Clients.Put(record);
        }
        else
        {
            Shape.Patch(record, body);
        }

        Complete(record, body, creating: false, now);
        return record;
    }

    /// <summary>The natural key upserts match on: externalId when sent, else name (case-insensitive).</summary>
    public static JsonObject? FindByNaturalKey(ClientSuccessData data, JsonObject body)
    {
        var externalId = Ids.String(body, "externalId");
        if (!string.IsNullOrEmpty(externalId))
        {
            return FindByExternalId(data, externalId);
        }

        var name = Ids.String(body, "name");
        return string.IsNullOrEmpty(name)
            ? null
            : data.Clients.LiveMatching(RecordKey.Name, name)
                .FirstOrDefault(client => string.Equals(Ids.String(client, "name"), name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The first client whose externalId is exactly <paramref name="externalId"/>.</summary>
    public static JsonObject? FindByExternalId(ClientSuccessData data, string externalId) =>
        data.Clients.LiveMatching(RecordKey.ExternalId, externalId).FirstOrDefault(client => Ids.String(client, "externalId") == externalId);

    // A new client without a status is ACTIVE, and active follows status unless sent explicitly.
    private static void Complete(JsonObject record, JsonObject body, bool creating, string now)
    {
        if (creating && record["status"] is null)
        {
            record["status"] = "ACTIVE";
        }

        if ((body["status"] is not null && body["active"] is null) || (creating && record["active"] is null))
        {
            record["active"] = Ids.String(record, "status") is "ACTIVE" or "TRIAL";
        }

        if (body.ContainsKey("clientType"))
        {
            // Named by id, title or key; stored as the whole type, as the API shows it.
            record["clientType"] = TenantDirectory.FindClientType(body["clientType"])?.ToJson();
        }

        record["segment"] = record["clientType"] is JsonObject type ? type["title"]?.DeepClone() : null;
        if (creating)
        {
            record["createdTime"] = now;
        }

        record["modifiedTime"] = now;
    }
}
