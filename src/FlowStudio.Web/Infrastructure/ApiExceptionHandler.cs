using Microsoft.AspNetCore.Diagnostics;

namespace FlowStudio.Web.Infrastructure;

/// <summary>An unexpected failure under /api answers as a problem document (with the trace id to quote), never an HTML page.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The exception middleware has already set the request path to its error page: the request's own path is in the feature.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        if (!MachinePaths.Contains(path))
        {
            return false;
        }

        if (httpContext.Response.HasStarted)
        {
            logger.LogError(exception, "Unhandled error for {Method} {Path} after the response started (trace id {TraceId})", httpContext.Request.Method, path, httpContext.TraceIdentifier);
            return true;
        }

        logger.LogError(exception, "Unhandled error for {Method} {Path} (trace id {TraceId})", httpContext.Request.Method, path, httpContext.TraceIdentifier);
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = 500,
                Title = "FlowStudio failed to complete the request.",
                Detail = $"Something went wrong on our side. Try again; if it keeps failing, report trace id {httpContext.TraceIdentifier}.",
            },
        });
    }
}
