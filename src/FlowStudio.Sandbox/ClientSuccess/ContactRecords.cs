using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>The v2 contact: its shape, validation and the writes every contact route shares.</summary>
internal static class ContactRecords
{
    public static readonly ResourceShape Shape = new(
        "Contact",
        [
            "id", "tenantId", "tenantClientId", "clientId", "uuid", "status", "firstName", "lastName", "title", "email", "phone",
            "mobile", "salesforceId", "externalId", "linkedinUrl", "advocate", "champion", "executiveSponsor", "starred", "keyContact",
            "street", "city", "state", "zip", "country", "timezone", "note", "tenantClient", "custom", "createdTime",
            "modifiedTime", "engagementCount", "lastEngagementDate", "entityType", "npsResult", "engagements", "externalSystems",
        ],
        ["id", "tenantId", "uuid", "tenantClient", "createdTime", "modifiedTime", "engagementCount", "lastEngagementDate",
            "entityType", "npsResult", "engagements"],
        [
            FieldRule.Reference("clientId"),
            FieldRule.Reference("tenantClientId"),
            FieldRule.Text("email", 255),
            FieldRule.Text("firstName", 100),
            FieldRule.Text("lastName", 100),
            FieldRule.Text("title", 255),
            FieldRule.Text("phone", 50),
            FieldRule.Text("mobile", 50),
            FieldRule.Text("status", 30),
            FieldRule.Text("externalId", 100),
            FieldRule.Bool("advocate"),
            FieldRule.Bool("champion"),
            FieldRule.Bool("executiveSponsor"),
            FieldRule.Bool("starred"),
            FieldRule.Bool("keyContact"),
            FieldRule.Object("custom"),
            FieldRule.Object("externalSystems"),
        ],
        record =>
        {
            record["tenantId"] = ClientSuccessData.TenantId;
            record["status"] = "ACTIVE";
            record["entityType"] = "CONTACT";
            record["custom"] = new JsonObject();
            record["externalSystems"] = new JsonObject();
            record["engagementCount"] = 0;
            record["engagements"] = new JsonArray();
        });

    /// <summary>Field rules plus: a contact belongs to an existing client (clientId or tenantClientId, id or uuid) and has a plausible email.</summary>
    public static List<FieldError> Check(ClientSuccessData data, JsonObject body, bool requireAll)
    {
        var errors = Shape.Validate(body, requireAll);
        ClientReference.Check(data, body, requireAll, errors);
        if (Ids.String(body, "email") is { Length: > 0 } email && !IsEmail(email))
        {
            errors.Add(new FieldError("email", "email must be an email address"));
        }

        return errors;
    }

    public static JsonObject Insert(ClientSuccessData data, JsonObject body, string now)
    {
        var record = Shape.Create(body);
        record["uuid"] = data.NewContactUuid();
        record["createdTime"] = now;
        Complete(data, record, body, now);
        return data.Contacts.Add(record);
    }

    public static JsonObject Update(ClientSuccessData data, JsonObject existing, JsonObject body, bool replace, string now)
    {
        var record = existing;
        if (replace)
        {
            record = Shape.Replace(existing, body);
            data.Contacts.Put(record);
        }
        else
        {
            Shape.Patch(record, body);
        }

        Complete(data, record, body, now);
        return record;
    }

    /// <summary>Upserts match on email, case-insensitive; the oldest contact wins if several share one.</summary>
    public static JsonObject? FindByEmail(ClientSuccessData data, string? email) => string.IsNullOrWhiteSpace(email)
        ? null
        : data.Contacts.LiveMatching(RecordKey.Email, email.Trim())
            .FirstOrDefault(contact => string.Equals(Ids.String(contact, "email"), email.Trim(), StringComparison.OrdinalIgnoreCase));

    private static void Complete(ClientSuccessData data, JsonObject record, JsonObject body, string now)
    {
        if (ClientReference.Resolve(data, body) is { } client)
        {
            ClientReference.Link(record, client);
        }

        record["modifiedTime"] = now;
    }

    private static bool IsEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < email.Length - 1 && email.IndexOf('@', at + 1) < 0 && !email.Any(char.IsWhiteSpace);
    }
}
