using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>The v2 client note (an interaction logged against a client): shape, validation and shared writes.</summary>
internal static partial class ClientNoteRecords
{
    public static readonly ResourceShape Shape = new(
        "Client note",
        [
            "id", "uuid", "tenantId", "clientId", "subject", "note", "sanitizedNote", "interactionTypeId", "author",
            "createdByEmployeeId", "createdTime", "modifiedTime", "filePath", "sourceId", "threadId", "properties",
            "externalSystem", "externalSystemId", "accountExternalSystemId",
        ],
        ["id", "uuid", "tenantId", "sanitizedNote", "modifiedTime"],
        [
            FieldRule.Reference("clientId"),
            FieldRule.Text("note", required: true),
            FieldRule.Text("subject", 255),
            FieldRule.Int("interactionTypeId"),
            FieldRule.Text("author", 255),
            FieldRule.Int("createdByEmployeeId"),
            FieldRule.DateTime("createdTime"),
            FieldRule.Object("properties"),
            FieldRule.Text("externalSystem", 100),
            FieldRule.Text("externalSystemId", 255),
            FieldRule.Text("accountExternalSystemId", 255),
        ],
        record =>
        {
            record["tenantId"] = ClientSuccessData.TenantId;
            record["interactionTypeId"] = 1;
        });

    public static List<FieldError> Check(ClientSuccessData data, JsonObject body, bool requireAll)
    {
        var errors = Shape.Validate(body, requireAll);
        ClientReference.Check(data, body, requireAll, errors);
        if (Ids.Long(body, "interactionTypeId") is < 1 or > 8)
        {
            errors.Add(new FieldError("interactionTypeId", "interactionTypeId must be from 1 to 8"));
        }

        return errors;
    }

    public static JsonObject Insert(ClientSuccessData data, JsonObject body, string now)
    {
        var record = Shape.Create(body);
        record["uuid"] = data.NewUuid();
        record["createdTime"] ??= now;
        Complete(data, record, body, now);
        return data.ClientNotes.Add(record);
    }

    public static JsonObject Update(ClientSuccessData data, JsonObject existing, JsonObject body, bool replace, string now)
    {
        var record = existing;
        if (replace)
        {
            record = Shape.Replace(existing, body);
            record["createdTime"] ??= existing["createdTime"]?.DeepClone();
            data.ClientNotes.Put(record);
        }
        else
        {
            Shape.Patch(record, body);
        }

        Complete(data, record, body, now);
        return record;
    }

    /// <summary>The note's HTML as plain text, which the API returns alongside it as <c>sanitizedNote</c>.</summary>
    public static string? Sanitize(string? html) =>
        html is null ? null : Whitespace().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Trim();

    private static void Complete(ClientSuccessData data, JsonObject record, JsonObject body, string now)
    {
        if (ClientReference.Resolve(data, body) is { } client)
        {
            ClientReference.Link(record, client);
        }

        record["sanitizedNote"] = Sanitize(Ids.String(record, "note"));
        Timestamps.Normalize(record, "createdTime");
        record["modifiedTime"] = now;
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
