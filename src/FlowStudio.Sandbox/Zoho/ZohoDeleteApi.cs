using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.Zoho;

/// <summary>
/// Delete records: <c>DELETE /crm/v7/{module}?ids=a,b</c>, up to 100 ids, each with its own result in <c>data[]</c>;
/// 200 when all are deleted, 207 when some are and 400 when none is.
/// </summary>
internal static class ZohoDeleteApi
{
    private const int MaxIds = 100;

    public static IResult Delete(string module, HttpRequest request, ZohoStore store)
    {
        if (ZohoModule.Find(module) is not { } found)
        {
            return ZohoErrors.InvalidModule();
        }

        var ids = request.Query["ids"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length == 0)
        {
            return ZohoErrors.RequiredParamMissing("ids");
        }

        if (ids.Length > MaxIds)
        {
            return ZohoErrors.Result(StatusCodes.Status400BadRequest, "LIMIT_EXCEEDED", "the limit has been exceeded", new JsonObject { ["limit"] = MaxIds, ["api_name"] = "ids" });
        }

        var results = store.Write(() => ids.Select(id => store.Module(found).Remove(id)
            ? new JsonObject { ["code"] = "SUCCESS", ["details"] = new JsonObject { ["id"] = id }, ["message"] = "record deleted", ["status"] = "success" }
            : ZohoErrors.Body("INVALID_DATA", "the related id given seems to be invalid", new JsonObject { ["id"] = id })).ToList());
        var succeeded = results.Count(r => r["status"]!.GetValue<string>() == "success");
        var status = succeeded == results.Count ? StatusCodes.Status200OK : succeeded > 0 ? StatusCodes.Status207MultiStatus : StatusCodes.Status400BadRequest;
        return ZohoJson.Result(new JsonObject { ["data"] = new JsonArray([.. results]) }, status);
    }
}
