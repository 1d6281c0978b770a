using FlowStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace FlowStudio.Web.Features.Accounts;

/// <summary>
/// A browser sends the sign-in cookie with any request, even one another site makes it send (a cross-site form post).
/// So a state-changing request authenticated by the cookie must also carry <c>X-FlowStudio-Request: 1</c> (which a
/// cross-site form cannot set, and a cross-site script cannot without CORS) or a valid antiforgery token. API keys are not
/// sent by browsers on their own, so Bearer calls need neither.
/// </summary>
internal sealed class CookieRequestCheck(IAntiforgery antiforgery) : IEndpointFilter
{
    public const string HeaderName = "X-FlowStudio-Request";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        var byCookie = http.User.Identity is { IsAuthenticated: true, AuthenticationType: var type } && type == IdentityConstants.ApplicationScheme;
        if (!byCookie || HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
            || http.Request.Headers[HeaderName] == "1" || await antiforgery.IsRequestValidAsync(http))
        {
            return await next(context);
        }

        return ApiProblems.Invalid(HeaderName,
            $"A signed-in browser's request that changes something must send the header \"{HeaderName}: 1\" (or an antiforgery token). Scripts should send an API key instead.");
    }
}
