using System.Security.Claims;
using FlowStudio.Web.Features.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Components;

/// <summary>What a rendered page needs to know who is signed in: the app's policies and a user with <paramref name="role"/>.</summary>
internal static class SignedInServices
{
    public static IServiceCollection AddSignedInUser(this IServiceCollection services, AccountRole role) => services
        .AddAuthorizationCore(AccountPolicies.Configure)
        .AddCascadingAuthenticationState()
        .SignInAs(role, "user_1", "ada@example.com");

    /// <summary>Replaces who is signed in (a real user, for screens that store things under the user's id).</summary>
    public static IServiceCollection SignInAs(this IServiceCollection services, AccountRole role, string id, string email)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Role, role.ToString())],
            "Test", ClaimTypes.Name, ClaimTypes.Role));
        return services.AddSingleton<AuthenticationStateProvider>(new SignedIn(user));
    }

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
