using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.Zoho;

/// <summary>Zoho CRM's error body: <c>{code, details, message, status: "error"}</c>.</summary>
internal static class ZohoErrors
{
    public static JsonObject Body(string code, string message, JsonObject? details = null) => new()
    {
        ["code"] = code,
        ["details"] = details ?? [],
        ["message"] = message,
        ["status"] = "error",
    };

    public static IResult Result(int statusCode, string code, string message, JsonObject? details = null) =>
        ZohoJson.Result(Body(code, message, details), statusCode);

    public static IResult InvalidToken() =>
        Result(StatusCodes.Status401Unauthorized, "INVALID_TOKEN", "invalid oauth token");

    public static IResult TooManyRequests() =>
        Result(StatusCodes.Status429TooManyRequests, "TOO_MANY_REQUESTS", "The number of API requests per minute has exceeded the limit");

    public static IResult InvalidModule() =>
        Result(StatusCodes.Status400BadRequest, "INVALID_MODULE", "the module name given seems to be invalid", new JsonObject { ["resource_path_index"] = 0 });

    public static IResult InvalidData(string message, JsonObject details) =>
        Result(StatusCodes.Status400BadRequest, "INVALID_DATA", message, details);

    public static IResult RequiredParamMissing(string param) =>
        Result(StatusCodes.Status400BadRequest, "REQUIRED_PARAM_MISSING", "One of the expected parameter is missing", new JsonObject { ["param"] = param });
}
