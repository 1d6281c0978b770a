using Microsoft.AspNetCore.Diagnostics;

namespace FlowStudio.Web.Infrastructure;

/// <summary>Malformed request bodies (bad JSON, wrong types) become a 400 problem that says what was wrong, not a bare 400 or 500.</summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var detail = bad.InnerException is System.Text.Json.JsonException json
            ? $"The request body is not valid JSON for this operation: {json.Message}"
                + (json.Path is { Length: > 0 } path && !json.Message.Contains("Path:", StringComparison.Ordinal) ? $" Path: {path}." : "")
            : bad.Message;
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = bad.StatusCode, Title = "The request could not be read.", Detail = detail },
        });
    }
}
