using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>The v1 shapes, projected from the stored v2 records (v1 and v2 share one tenant).</summary>
internal static class V1Views
{
    public static JsonObject ClientSummary(JsonObject client) => new()
    {
        ["id"] = Ids.Of(client),
        ["name"] = Copy(client, "name"),
        ["successScore"] = Copy(client, "successScore"),
        ["managedByEmployeeId"] = Nested(client, "managedByEmployee", "id"),
        ["clientSegmentId"] = Nested(client, "clientType", "id"),
        ["segment"] = Copy(client, "segment"),
        ["lastTouchDateTime"] = Copy(client, "lastTouchDateTime"),
        ["lastTouchTypeId"] = Ids.String(client, "lastTouchType") is { } touch ? TenantDirectory.InteractionTypes.ToList().IndexOf(touch) + 1 : null,
        ["lastTouchType"] = Copy(client, "lastTouchType"),
        ["activeClientSuccessCycleId"] = Copy(client, "activeClientSuccessCycleId"),
        ["externalId"] = Copy(client, "externalId"),
    };

    public static JsonObject ClientDetail(ClientSuccessData data, JsonObject client)
    {
        var extras = data.ClientV1Fields.GetValueOrDefault(Ids.Of(client)) ?? [];
        var manager = Nested(client, "managedByEmployee", "name");
        return new JsonObject
        {
            ["id"] = Ids.Of(client),
            ["name"] = Copy(client, "name"),
            ["siteUrl"] = Copy(client, "siteUrl"),
            ["clientSegmentId"] = Nested(client, "clientType", "id"),
            ["clientSegment"] = Nested(client, "clientType", "title"),
            ["zip"] = Copy(client, "zip"),
            ["modifiedByEmployeeId"] = Copy(client, "modifiedByEmployeeId"),
            ["statusId"] = TenantDirectory.StatusId(Ids.String(client, "status")),
            ["inceptionDate"] = Copy(client, "inceptionDate"),
            ["createdByEmployeeId"] = Copy(client, "createdByEmployeeId"),
            ["linkedinUrl"] = Copy(extras, "linkedinUrl"),
            ["managedByEmployeeId"] = Nested(client, "managedByEmployee", "id"),
            ["active"] = Copy(client, "active"),
            ["successScore"] = Copy(client, "successScore"),
            ["activeClientSuccessCycleId"] = Copy(client, "activeClientSuccessCycleId"),
            ["crmCustomerId"] = Copy(extras, "crmCustomerId"),
            ["note"] = Copy(client, "note"),
            ["crmCustomerUrl"] = Copy(extras, "crmCustomerUrl"),
            ["zendeskId"] = Copy(client, "zendeskId"),
            ["deskId"] = Copy(extras, "deskId"),
            ["terminatedDate"] = Copy(client, "terminatedDate"),
            ["freshdeskId"] = Copy(extras, "freshdeskId"),
            ["uservoiceId"] = Copy(extras, "uservoiceId"),
            ["assignedSalesRep"] = Copy(client, "assignedSalesRep"),
            ["customFieldValues"] = CustomFieldValues(client),
            ["successCycleId"] = Copy(extras, "successCycleId"),
            ["salesforceAccountId"] = Copy(client, "salesforceAccountId"),
            ["jiraId"] = Copy(extras, "jiraId"),
            ["usageId"] = Copy(client, "usageId"),
            ["keyContactId"] = Nested(client, "primaryContact", "id"),
            ["street"] = Copy(client, "street"),
            ["state"] = Copy(client, "state"),
            ["country"] = Copy(client, "country"),
            ["city"] = Copy(client, "city"),
            ["timezone"] = Copy(client, "timezone"),
            ["npsScore"] = Copy(client, "npsScore"),
            ["externalId"] = Copy(client, "externalId"),
            ["assignedCSM"] = manager,
        };
    }

    public static JsonObject Contact(ClientSuccessData data, JsonObject contact) => new()
    {
        ["id"] = Ids.Of(contact),
        ["uuid"] = Copy(contact, "uuid"),
        ["clientId"] = Copy(contact, "clientId"),
        ["statusId"] = 1,
        ["email"] = Copy(contact, "email"),
        ["phone"] = Copy(contact, "phone"),
        ["mobile"] = Copy(contact, "mobile"),
        ["title"] = Copy(contact, "title"),
        ["linkedinUrl"] = Copy(contact, "linkedinUrl"),
        ["firstName"] = Copy(contact, "firstName"),
        ["lastName"] = Copy(contact, "lastName"),
        ["note"] = Copy(contact, "note"),
        ["executiveSponsor"] = Copy(contact, "executiveSponsor"),
        ["advocate"] = Copy(contact, "advocate"),
        ["champion"] = Copy(contact, "champion"),
        ["starred"] = Copy(contact, "starred"),
        ["keyContact"] = Copy(contact, "keyContact"),
        ["street"] = Copy(contact, "street"),
        ["city"] = Copy(contact, "city"),
        ["zip"] = Copy(contact, "zip"),
        ["country"] = Copy(contact, "country"),
        ["timezone"] = Copy(contact, "timezone"),
        ["salesforceId"] = Copy(contact, "salesforceId"),
        ["externalId"] = null,
        ["client"] = data.Clients.Find(contact["clientId"]) is { } client ? Copy(client, "name") : null,
        ["lastEngagement"] = Copy(contact, "lastEngagementDate"),
        ["engagementCount"] = Copy(contact, "engagementCount"),
        ["usageId"] = null,
        ["customFieldValues"] = CustomFieldValues(contact),
        ["photoUrl"] = null,
        ["preferredName"] = null,
        ["name"] = $"{Ids.String(contact, "firstName")} {Ids.String(contact, "lastName")}".Trim(),
        ["contactState"] = Copy(contact, "state"),
    };

    public static JsonObject Pulse(JsonObject pulse, DateTimeOffset until) => new()
    {
        ["id"] = Ids.Of(pulse),
        ["riskLevelId"] = Copy(pulse, "dispositionId"),
        ["clientId"] = Copy(pulse, "clientId"),
        ["createdByEmployeeId"] = Copy(pulse, "createdByEmployeeId"),
        ["note"] = Copy(pulse, "note"),
        ["nextSteps"] = Copy(pulse, "nextSteps"),
        ["createdTimestamp"] = Copy(pulse, "createdTimestamp"),
        ["productId"] = Copy(pulse, "productId"),
        ["riskLevel"] = Copy(pulse, "dispositionType"),
        ["riskLevelDiscription"] = Ids.String(pulse, "dispositionType") is { } type ? Humanize(type) : null,
        ["riskLevelScore"] = Copy(pulse, "currentScore"),
        ["numberOfDaysAtThisPosition"] = Timestamps.TryParse(Ids.String(pulse, "createdTimestamp"), out var created)
            ? Math.Max(0, (int)(until - created).TotalDays)
            : null,
        ["reasonCodes"] = Copy(pulse, "reasonCodes"),
    };

    public static JsonObject Interaction(JsonObject note)
    {
        var employee = TenantDirectory.FindEmployee(Ids.Long(note, "createdByEmployeeId"));
        return new JsonObject
        {
            ["id"] = Ids.Of(note),
            ["note"] = Copy(note, "note"),
            ["createdByEmployeeId"] = Copy(note, "createdByEmployeeId"),
            ["createdDateTime"] = Copy(note, "createdTime"),
            ["clientId"] = Copy(note, "clientId"),
            ["filePath"] = Copy(note, "filePath"),
            ["interactionTypeId"] = Copy(note, "interactionTypeId"),
            ["contactIds"] = new JsonArray(),
            ["tagIds"] = new JsonArray(),
            ["emailMessageMeta"] = null,
            ["googleCalendarEvent"] = null,
            ["contacts"] = new JsonArray(),
            ["employeeIds"] = employee is null ? new JsonArray() : new JsonArray(employee.Id),
            ["subject"] = Copy(note, "subject"),
            ["externalSystemId"] = Copy(note, "externalSystemId"),
            ["sourceId"] = Copy(note, "sourceId"),
            ["threadId"] = Copy(note, "threadId"),
            ["to"] = new JsonArray(),
            ["cc"] = new JsonArray(),
            ["from"] = null,
            ["author"] = Copy(note, "author"),
            ["url"] = null,
            ["tags"] = new JsonArray(),
            ["employees"] = employee is null ? new JsonArray() : new JsonArray(employee.ToJson()),
        };
    }

    private static JsonNode? Copy(JsonObject record, string field) => record[field]?.DeepClone();

    private static JsonNode? Nested(JsonObject record, string field, string inner) => record[field] is JsonObject nested ? Copy(nested, inner) : null;

    private static JsonArray CustomFieldValues(JsonObject record) => record["custom"] is JsonObject custom
        ? new JsonArray(custom.Select(pair => (JsonNode?)new JsonObject { ["label"] = pair.Key, ["value"] = pair.Value?.DeepClone() }).ToArray())
        : [];

    private static string Humanize(string type) => string.Concat(type[..1], type[1..].ToLowerInvariant().Replace('_', ' '));
}
