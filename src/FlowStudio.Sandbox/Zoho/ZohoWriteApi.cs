using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.Zoho;

/// <summary>
/// Insert, update and upsert of up to 100 records per call. Each record gets its own result in <c>data[]</c>; the call
/// answers 201/200 when all succeed, 207 when some do and 400 when none do.
/// </summary>
internal static class ZohoWriteApi
{
    private const int MaxRecords = 100;

    public static Task<IResult> InsertAsync(string module, HttpRequest request, ZohoStore store) =>
        WriteAsync(module, request, store, StatusCodes.Status201Created, (writer, found, input, index, _) =>
        {
            if (ZohoRecordCheck.Problem(found, input, index, mandatory: true, writer.FindAccount) is { } problem)
            {
                return problem;
            }

            return Duplicate(writer, found, input, index, exceptId: null) ?? Success(writer.Insert(input), "record added");
        });

    public static Task<IResult> UpdateAsync(string module, HttpRequest request, ZohoStore store) =>
        WriteAsync(module, request, store, StatusCodes.Status200OK, (writer, found, input, index, _) =>
        {
            if (input["id"] is not JsonValue idValue || idValue.GetValueKind() != JsonValueKind.String)
            {
                return ZohoRecordCheck.Error("MANDATORY_NOT_FOUND", "required field not found", "id", index);
            }

            if (writer.FindLive(idValue.GetValue<string>()) is not { } record)
            {
                return ZohoRecordCheck.Error("INVALID_DATA", "the related id given seems to be invalid", "id", index);
            }

            if (ZohoRecordCheck.Problem(found, input, index, mandatory: false, writer.FindAccount) is { } problem)
            {
                return problem;
            }

            return Duplicate(writer, found, input, index, record["id"]!.GetValue<string>()) ?? Success(writer.Update(record, input), "record updated");
        });

    public static Task<IResult> UpsertAsync(string module, HttpRequest request, ZohoStore store) =>
        WriteAsync(module, request, store, StatusCodes.Status200OK, (writer, found, input, index, checkFields) =>
        {
            if (ZohoRecordCheck.Problem(found, input, index, mandatory: false, writer.FindAccount) is { } problem)
            {
                return problem;
            }

            foreach (var field in checkFields)
            {
                if (writer.FindBy(field, input[field]) is { } existing)
                {
                    var updated = Duplicate(writer, found, input, index, existing["id"]!.GetValue<string>()) ?? Success(writer.Update(existing, input), "record updated");
                    return WithAction(updated, "update", field);
                }
            }

            var inserted = ZohoRecordCheck.Problem(found, input, index, mandatory: true, writer.FindAccount)
                ?? Duplicate(writer, found, input, index, exceptId: null)
                ?? Success(writer.Insert(input), "record added");
            return WithAction(inserted, "insert", null);
        });

    private static async Task<IResult> WriteAsync(
        string module, HttpRequest request, ZohoStore store, int allSucceeded, Func<ZohoRecordWriter, ZohoModule, JsonObject, int, string[], JsonObject> write)
    {
        if (ZohoModule.Find(module) is not { } found)
        {
            return ZohoErrors.InvalidModule();
        }

        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body?["data"] is not JsonArray data || data.Count == 0)
        {
            return ZohoErrors.Result(StatusCodes.Status400BadRequest, "MANDATORY_NOT_FOUND", "required field not found", new JsonObject { ["api_name"] = "data", ["json_path"] = "$.data" });
        }

        if (data.Count > MaxRecords)
        {
            return ZohoErrors.Result(StatusCodes.Status400BadRequest, "LIMIT_EXCEEDED", "the limit has been exceeded", new JsonObject { ["limit"] = MaxRecords, ["api_name"] = "data" });
        }

        if (DuplicateCheckFields(body, found) is not { } checkFields)
        {
            return ZohoErrors.InvalidData("invalid data", new JsonObject { ["api_name"] = "duplicate_check_fields", ["json_path"] = "$.duplicate_check_fields" });
        }

        var results = store.Write(() =>
        {
            var writer = new ZohoRecordWriter(store, found);
            return data.Select((node, index) => node is JsonObject input
                    ? write(writer, found, input, index, checkFields)
                    : ZohoErrors.Body("INVALID_DATA", "invalid data", new JsonObject { ["json_path"] = $"$.data[{index}]" }))
                .ToList();
        });

        var succeeded = results.Count(r => r["status"]!.GetValue<string>() == "success");
        var status = succeeded == results.Count ? allSucceeded : succeeded > 0 ? StatusCodes.Status207MultiStatus : StatusCodes.Status400BadRequest;
        return ZohoJson.Result(new JsonObject { ["data"] = new JsonArray([.. results]) }, status);
    }

    /// <summary>The body's <c>duplicate_check_fields</c> (the module's unique field when absent), or null when one is not a field.</summary>
    private static string[]? DuplicateCheckFields(JsonObject body, ZohoModule module)
    {
        if (body["duplicate_check_fields"] is not JsonArray fields)
        {
            return body.ContainsKey("duplicate_check_fields") ? null : [module.Unique];
        }

        var names = fields.Select(f => f?.GetValueKind() == JsonValueKind.String ? f.GetValue<string>() : "").ToArray();
        return names.Length > 0 && names.All(n => module.Field(n) is { ReadOnly: false }) ? names : null;
    }

    private static JsonObject? Duplicate(ZohoRecordWriter writer, ZohoModule module, JsonObject input, int index, string? exceptId)
    {
        if (!input.ContainsKey(module.Unique) || writer.FindBy(module.Unique, input[module.Unique], exceptId) is not { } other)
        {
            return null;
        }

        var id = other["id"]!.GetValue<string>();
        return ZohoRecordCheck.Error("DUPLICATE_DATA", "duplicate data", module.Unique, index, new JsonObject
        {
            ["duplicate_record"] = new JsonObject
            {
                ["module"] = new JsonObject { ["api_name"] = module.ApiName },
                ["id"] = id,
                ["Owner"] = new JsonObject { ["name"] = ZohoAccount.OwnerName, ["id"] = ZohoAccount.OwnerId },
            },
        });
    }

    private static JsonObject Success(JsonObject details, string message) => new()
    {
        ["code"] = "SUCCESS",
        ["details"] = details,
        ["message"] = message,
        ["status"] = "success",
    };

    private static JsonObject WithAction(JsonObject result, string action, string? duplicateField)
    {
        if (result["status"]!.GetValue<string>() == "success")
        {
            result["action"] = action;
            result["duplicate_field"] = duplicateField;
        }

        return result;
    }
}
