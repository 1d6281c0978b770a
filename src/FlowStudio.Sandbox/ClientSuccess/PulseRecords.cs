using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>The v2 pulse (a point-in-time health reading of a client): shape, validation and creation.</summary>
internal static class PulseRecords
{
    /// <summary>The health score each create disposition stands for, best to worst.</summary>
    public static readonly IReadOnlyList<int> Scores = [95, 85, 70, 50, 30, 10];

    public static readonly ResourceShape Shape = new(
        "Pulse",
        [
            "id", "uuid", "tenantId", "clientId", "subject", "note", "nextSteps", "dispositionType", "dispositionId",
            "startingScore", "currentScore", "totalScoreChange", "lastScoreChange", "reasonCodes", "productId",
            "createdByEmployeeId", "createdTimestamp", "batchUpdateTimestamp",
        ],
        ["id", "uuid", "tenantId"],
        [
            FieldRule.Reference("clientId"),
            FieldRule.Text("subject", 255),
            FieldRule.Text("note"),
            FieldRule.Text("nextSteps"),
            FieldRule.Int("dispositionId"),
            FieldRule.Int("startingScore"),
            FieldRule.Int("currentScore"),
            FieldRule.Int("totalScoreChange"),
            FieldRule.Int("lastScoreChange"),
            FieldRule.Array("reasonCodes"),
            FieldRule.Int("productId"),
            FieldRule.Int("createdByEmployeeId"),
            FieldRule.DateTime("createdTimestamp"),
            FieldRule.DateTime("batchUpdateTimestamp"),
        ],
        record =>
        {
            record["tenantId"] = ClientSuccessData.TenantId;
            record["reasonCodes"] = new JsonArray();
        });

    /// <summary>The gateway rejects a dispositionType outside the create enum before validation, as an unparseable body.</summary>
    public static bool HasUnparseableDisposition(JsonObject body) =>
        body["dispositionType"] is { } node && (Ids.Text(node) is not { } type || !TenantDirectory.Dispositions.Contains(type));

    public static List<FieldError> Check(ClientSuccessData data, JsonObject body)
    {
        var errors = Shape.Validate(body, requireAll: true);
        ClientReference.Check(data, body, requireAll: true, errors);
        if (Ids.Long(body, "dispositionId") is < 1 or > 6)
        {
            errors.Add(new FieldError("dispositionId", "dispositionId must be from 1 to 6"));
        }

        return errors;
    }

    public static JsonObject Insert(ClientSuccessData data, JsonObject body, string now)
    {
        var record = Shape.Create(body);
        record["uuid"] = data.NewUuid();
        record["createdTimestamp"] ??= now;
        Timestamps.Normalize(record, "createdTimestamp");
        Timestamps.Normalize(record, "batchUpdateTimestamp");
        var client = ClientReference.Resolve(data, body)!;
        ClientReference.Link(record, client);
        Disposition(record);
        Score(data, record, body, Ids.Of(client));
        return data.Pulses.Add(record);
    }

    // dispositionType and dispositionId name the same thing; either one fills the other, and neither means no score.
    private static void Disposition(JsonObject record)
    {
        if (Ids.String(record, "dispositionType") is { } type)
        {
            record["dispositionId"] = TenantDirectory.Dispositions.ToList().IndexOf(type) + 1;
        }
        else if (Ids.Long(record, "dispositionId") is { } id)
        {
            record["dispositionType"] = TenantDirectory.Dispositions[(int)id - 1];
        }
        else
        {
            record["dispositionType"] = "NO_SCORE";
        }
    }

    private static void Score(ClientSuccessData data, JsonObject record, JsonObject body, long clientId)
    {
        var history = data.Pulses.LiveMatching(RecordKey.ClientId, RecordKey.Number(clientId))
            .OrderBy(pulse => pulse["createdTimestamp"], JsonValueComparer.Instance).ThenBy(Ids.Of).ToList();
        var dispositionId = Ids.Long(record, "dispositionId");
        var current = Ids.Long(record, "currentScore") ?? (dispositionId is { } id ? Scores[(int)id - 1] : null);
        var previous = history.Count > 0 ? Ids.Long(history[^1], "currentScore") : null;
        var first = history.Count > 0 ? Ids.Long(history[0], "startingScore") : null;
        record["currentScore"] = current;
        if (body["startingScore"] is null)
        {
            record["startingScore"] = previous ?? current;
        }

        if (body["lastScoreChange"] is null)
        {
            record["lastScoreChange"] = current - (previous ?? current);
        }

        if (body["totalScoreChange"] is null)
        {
            record["totalScoreChange"] = current - (first ?? current);
        }
    }
}
