namespace FlowStudio.Sandbox.Control;

/// <summary>Applies latency and the next planned fault before the simulator's handler (and so before any side effect).</summary>
internal sealed class FaultInjectionFilter(SandboxFaults faults) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var settings = faults.Current;
        var http = context.HttpContext;
        if (settings.LatencyMs > 0)
        {
            await Task.Delay(settings.LatencyMs, http.RequestAborted);
        }

        switch (faults.Next())
        {
            case InjectedFault.TooManyRequests:
                http.Response.Headers.RetryAfter = settings.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Json(new { error = "API rate limit exceeded" }, statusCode: StatusCodes.Status429TooManyRequests);
            case InjectedFault.ServerError:
                return Results.Json(new { code = "internal_server_error", message = "Internal server error" }, statusCode: StatusCodes.Status500InternalServerError);
            case InjectedFault.ServiceUnavailable:
                return Results.Content("<html><body><h1>System Maintenance</h1></body></html>", "text/html", statusCode: StatusCodes.Status503ServiceUnavailable);
            case InjectedFault.Drop:
                http.Abort();
                return Results.Empty;
            default:
                return await next(context);
        }
    }
}
