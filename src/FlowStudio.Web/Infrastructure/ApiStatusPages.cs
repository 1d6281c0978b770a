using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace FlowStudio.Web.Infrastructure;

/// <summary>
/// The problem document of an API answer that has no body of its own (a 415 for a body that is not JSON, a 413 past the
/// size limit, a 405 for a method the route does not take): its status, its title and what to do instead.
/// </summary>
internal static class ApiStatusPages
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        var status = http.Response.StatusCode;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = status,
                Title = ReasonPhrases.GetReasonPhrase(status),
                Detail = status switch
                {
                    StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON: Content-Type: application/json, encoded as UTF-8.",
                    StatusCodes.Status413PayloadTooLarge => $"The body is over the limit: {InputLimits.ApiBodyBytes / (1024 * 1024)} MB for /api requests, {InputLimits.WebhookBodyBytes / (1024 * 1024)} MB for webhook intake.",
                    StatusCodes.Status405MethodNotAllowed => $"{http.Request.Path} does not take {http.Request.Method}; see the API reference for the methods it takes.",
                    StatusCodes.Status404NotFound => $"There is no {http.Request.Path}.",
                    _ => null,
                },
            },
        });
    }
}
