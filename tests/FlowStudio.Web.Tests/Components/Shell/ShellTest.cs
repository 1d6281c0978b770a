using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace FlowStudio.Web.Tests.Components.Shell;

/// <summary>
/// A bUnit context for the shell and the pages that need no data: MudBlazor's services, loose JS interop, a user with
/// <paramref name="role"/> signed in, at the address <paramref name="url"/>.
/// </summary>
public abstract class ShellTest : BunitContext, IAsyncLifetime
{
    private protected ShellTest(AccountRole role = AccountRole.Owner)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        var user = AddAuthorization();
        user.SetAuthorized("ada@example.com");
        user.SetRoles(role.ToString());
        user.SetClaims(new Claim(ClaimTypes.NameIdentifier, "user_1"));
    }

    /// <summary>Sets the browser's address before rendering.</summary>
    protected void GoTo(string url) => Services.GetRequiredService<NavigationManager>().NavigateTo(url);

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services only dispose asynchronously.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
