using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>Maps v1 request bodies onto the v2 fields the tenant stores.</summary>
internal static class V1Requests
{
    /// <summary>v1 client fields that the v2 client has no place for; kept beside the record so v1 reads return them.</summary>
    public static readonly IReadOnlyList<string> ClientOnlyFields =
        ["linkedinUrl", "crmCustomerId", "crmCustomerUrl", "deskId", "freshdeskId", "uservoiceId", "successCycleId", "jiraId"];

    private static readonly string[] SharedClientFields =
    [
        "name", "siteUrl", "zip", "street", "state", "country", "city", "timezone", "externalId", "zendeskId", "usageId",
        "salesforceAccountId", "note", "npsScore", "inceptionDate", "terminatedDate", "assignedSalesRep", "active",
    ];

    private static readonly string[] SharedContactFields =
    [
        "firstName", "lastName", "email", "phone", "mobile", "title", "linkedinUrl", "street", "city", "zip", "country",
        "timezone", "note", "salesforceId", "executiveSponsor", "champion", "keyContact", "advocate", "starred",
    ];

    public static (JsonObject Client, JsonObject Extras, List<FieldError> Errors) Client(JsonObject body)
    {
        var client = Pick(body, SharedClientFields);
        var extras = Pick(body, ClientOnlyFields);
        var errors = new List<FieldError>();
        if (body["statusId"] is { } statusId)
        {
            if (TenantDirectory.StatusName(Ids.Long(body, "statusId")) is { } status)
            {
                client["status"] = status;
            }
            else
            {
                errors.Add(new FieldError("statusId", $"statusId {Ids.Text(statusId)} is not a client status (1 Active, 2 Inactive, 3 Trial, 4 Terminated)"));
            }
        }

        if (body["clientSegmentId"] is { } segmentId)
        {
            if (TenantDirectory.FindClientType(Ids.Long(body, "clientSegmentId")) is { } type)
            {
                client["clientType"] = type.ToJson();
            }
            else
            {
                errors.Add(new FieldError("clientSegmentId", $"clientSegmentId {Ids.Text(segmentId)} is not a client segment"));
            }
        }

        if (body["managedByEmployeeId"] is { } managerId)
        {
            if (TenantDirectory.FindEmployee(Ids.Long(body, "managedByEmployeeId")) is { } manager)
            {
                client["managedByEmployee"] = manager.ToJson();
            }
            else
            {
                errors.Add(new FieldError("managedByEmployeeId", $"managedByEmployeeId {Ids.Text(managerId)} is not an employee"));
            }
        }

        if (body["customFieldValues"] is JsonArray values)
        {
            client["custom"] = new JsonObject(values.OfType<JsonObject>()
                .Where(value => Ids.Text(value["label"]) is not null)
                .Select(value => KeyValuePair.Create(Ids.Text(value["label"])!, value["value"]?.DeepClone())));
        }

        return (client, extras, errors);
    }

    public static JsonObject Contact(JsonObject body, long clientId)
    {
        var contact = Pick(body, SharedContactFields);
        if (body["contactState"] is { } state)
        {
            contact["state"] = state.DeepClone();
        }

        contact["clientId"] = clientId;
        return contact;
    }

    private static JsonObject Pick(JsonObject body, IEnumerable<string> fields)
    {
        var picked = new JsonObject();
        foreach (var field in fields)
        {
            if (body.TryGetPropertyValue(field, out var value))
            {
                picked[field] = value?.DeepClone();
            }
        }

        return picked;
    }
}
