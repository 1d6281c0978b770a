using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace FlowStudio.Web.Infrastructure;

/// <summary>
/// Bounds /api requests before an endpoint reads them: the body size (chunked bodies included: Kestrel stops reading at
/// the limit) and the body's charset, answered as problem documents.
/// </summary>
internal static class ApiRequestGuard
{
    public static IApplicationBuilder UseApiRequestGuard(this IApplicationBuilder app) =>
        app.UseWhen(c => MachinePaths.Contains(c.Request.Path), api => api.Use(async (context, next) =>
        {
            var limit = context.Request.Path.StartsWithSegments("/api/webhooks") ? InputLimits.WebhookBodyBytes : InputLimits.ApiBodyBytes;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            if (context.Request.ContentLength > limit)
            {
                await WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
                    $"The body is larger than {limit / (1024 * 1024)} MB; send less in one request.");
                return;
            }

            if (context.Request.ContentType is { } contentType
                && MediaTypeHeaderValue.TryParse(contentType, out var media)
                && media.Charset.HasValue
                && !IsSupported(media.Charset.Value!))
            {
                await WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported charset.",
                    $"The body's charset '{media.Charset.Value}' is not supported; send UTF-8 JSON (Content-Type: application/json; charset=utf-8).");
                return;
            }

            await next(context);
        }));

    private static bool IsSupported(string charset)
    {
        try
        {
            var encoding = Encoding.GetEncoding(charset.Trim('"'));
            return encoding.CodePage is 65001 or 1200 or 1201 or 20127 or 12000 or 12001 or 28591;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
