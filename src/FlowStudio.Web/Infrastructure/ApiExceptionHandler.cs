using Microsoft.AspNetCore.Diagnostics;

namespace FlowStudio.Web.Infrastructure;

/// <summary>An unexpected failure under /api answers as a problem document (with the trace id to quote), never an HTML page.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        logger.LogError(exception, "Unhandled error for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
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
