namespace FlowStudio.Sandbox.Capture;

/// <summary>Notes each request to a simulator (method, path and query) in the <see cref="RequestLog"/>.</summary>
internal sealed class RequestLogFilter(RequestLog log) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        log.Add(request.Method, request.Path + request.QueryString);
        return next(context);
    }
}
