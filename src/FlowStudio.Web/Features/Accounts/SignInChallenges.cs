using FlowStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace FlowStudio.Web.Features.Accounts;

/// <summary>
/// What the sign-in cookie does when a request needs a user it does not have (or a role it lacks): pages go to the
/// sign-in (or access denied) page, and machine paths get a problem document.
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

        http.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static Task RedirectToAccessDeniedAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var http = context.HttpContext;
        if (MachinePaths.Contains(http.Request.Path))
        {
            return AuthProblems.ForbiddenAsync(http);
        }

        http.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
