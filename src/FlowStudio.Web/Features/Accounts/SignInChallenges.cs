using FlowStudio.Web.Htmx;
using FlowStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace FlowStudio.Web.Features.Accounts;

/// <summary>
/// What the sign-in cookie does when a request needs a user it does not have (or a role it lacks): pages go to the
/// sign-in (or access denied) page, htmx requests are told to load it, and machine paths get a problem document.
/// </summary>
internal static class SignInChallenges
{
    public static Task RedirectToSignInAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var http = context.HttpContext;
        if (MachinePaths.Contains(http.Request.Path))
        {
            return AuthProblems.UnauthorizedAsync(http);
        }

        if (http.Request.IsHtmx())
        {
            // The fragment's URL is no place to come back to: return to the page the user was on.
            var page = Uri.TryCreate(http.Request.Headers["HX-Current-URL"], UriKind.Absolute, out var current) ? current.PathAndQuery : "/";
            http.Response.HtmxRedirect($"{context.Options.LoginPath}?{context.Options.ReturnUrlParameter}={Uri.EscapeDataString(page)}");
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        http.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static Task RedirectToAccessDeniedAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var http = context.HttpContext;
        if (MachinePaths.Contains(http.Request.Path) || http.Request.IsHtmx())
        {
            return AuthProblems.ForbiddenAsync(http);
        }

        http.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
