using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

// Contract attachments have no public documentation; they are shaped like their documented neighbours (id, uuid, times, owner).
internal static class ContractAttachmentRecords
{
    public static readonly ResourceShape Shape = new(
        "Contract attachment",
        [
            "id", "uuid", "tenantId", "contractId", "fileName", "contentType", "size", "url", "description",
            "createdByEmployeeId", "createdTime", "modifiedTime",
        ],
        ["id", "uuid", "tenantId", "contractId", "createdTime", "modifiedTime"],
        [
            FieldRule.Text("fileName", 255, required: true),
            FieldRule.Text("contentType", 255),
            FieldRule.Int("size"),
            FieldRule.Text("url", 2048),
            FieldRule.Text("description", 1024),
            FieldRule.Int("createdByEmployeeId"),
        ],
        record => record["tenantId"] = ClientSuccessData.TenantId);

    /// <summary>Stores the attachment's metadata and counts it on the contract's <c>attachmentCount</c>.</summary>
    public static JsonObject Insert(ClientSuccessData data, JsonObject contract, JsonObject body, string now)
    {
        var record = Shape.Create(body);
        record["uuid"] = data.NewUuid();
        record["contractId"] = Ids.Of(contract);
        record["contentType"] ??= "application/octet-stream";
        record["createdTime"] = now;
        record["modifiedTime"] = now;
        contract["attachmentCount"] = (Ids.Long(contract, "attachmentCount") ?? 0) + 1;
        return data.ContractAttachments.Add(record);
    }
}
