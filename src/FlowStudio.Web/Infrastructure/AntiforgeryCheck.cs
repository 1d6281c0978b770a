using Microsoft.AspNetCore.Antiforgery;

namespace FlowStudio.Web.Infrastructure;

/// <summary>
/// Rejects a state-changing request without a valid antiforgery token. <c>UseAntiforgery</c> only enforces tokens on
/// endpoints that bind a form; form posts that bind nothing (Sign out) need this filter.
/// </summary>
internal static class AntiforgeryCheck
{
    public static TBuilder RequireAntiforgery<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
            return await antiforgery.IsRequestValidAsync(context.HttpContext)
                ? await next(context)
                : Results.Problem("The page is out of date (its antiforgery token is missing or invalid). Reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
        });
}
