namespace FlowStudio.Sandbox.Capture;

/// <summary>
/// <c>/sandbox/capture/{path}</c> takes any POST, PUT or PATCH and answers <c>{"received": n}</c>, keeping the exact body
/// and Content-Type in the request log; <c>GET /sandbox/_requests?after=n</c> lists what the simulators received.
/// </summary>
internal static class CaptureApi
{
    /// <summary>The largest body kept.</summary>
    public const int MaxBody = 1024 * 1024;

    public static RouteGroupBuilder MapCapture(this RouteGroupBuilder sandbox)
    {
        sandbox.MapMethods("/capture/{**path}", ["POST", "PUT", "PATCH"], CaptureAsync);
        sandbox.MapGet("/_requests", (long? after, RequestLog log) => Results.Json(log.After(after ?? 0)));
        return sandbox;
    }

    private static async Task<IResult> CaptureAsync(HttpRequest request, RequestLog log)
    {
        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxBody + 1];
        var length = await reader.ReadBlockAsync(buffer, request.HttpContext.RequestAborted);
        if (length > MaxBody)
        {
            return Results.Problem($"The capture endpoint keeps bodies up to {MaxBody} characters.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var entry = log.Add(request.Method, request.Path + request.QueryString, request.ContentType, new string(buffer, 0, length));
        return Results.Json(new { received = entry.Seq });
    }
}
