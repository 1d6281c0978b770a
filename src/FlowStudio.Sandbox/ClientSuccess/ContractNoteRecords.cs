using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

// Contract notes and attachments have no public documentation; they are shaped like their documented neighbours (client notes).
internal static class ContractNoteRecords
{
    public static readonly ResourceShape Shape = new(
        "Contract note",
        [
            "id", "uuid", "tenantId", "contractId", "subject", "note", "sanitizedNote", "interactionTypeId", "author",
            "createdByEmployeeId", "createdTime", "modifiedTime",
        ],
        ["id", "uuid", "tenantId", "contractId", "sanitizedNote", "createdTime", "modifiedTime"],
        [
            FieldRule.Text("note", required: true),
            FieldRule.Text("subject", 255),
            FieldRule.Int("interactionTypeId"),
            FieldRule.Text("author", 255),
            FieldRule.Int("createdByEmployeeId"),
        ],
        record =>
        {
            record["tenantId"] = ClientSuccessData.TenantId;
            record["interactionTypeId"] = 1;
        });

    public static JsonObject Insert(ClientSuccessData data, long contractId, JsonObject body, string now)
    {
        var record = Shape.Create(body);
        record["uuid"] = data.NewUuid();
        record["contractId"] = contractId;
        record["sanitizedNote"] = ClientNoteRecords.Sanitize(Ids.String(record, "note"));
        record["createdTime"] = now;
        record["modifiedTime"] = now;
        return data.ContractNotes.Add(record);
    }
}
