using System.Net;
using Bunit;
using FlowStudio.Web.Features.Accounts;
using FlowStudio.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Components.Accounts;

[Collection(AppCollection.Name)]
public sealed class ApiKeysPageTests(FlowStudioApp app) : ComponentTest(app)
{
    [Fact]
    public async Task Create_Named_ShowsTheKeyOnceAndItWorksUntilRevoked()
    {
        var (_, email) = await SignInAsNewUserAsync(AccountRole.Viewer);
        var page = RenderWithProviders<ApiKeysPage>();
        page.WaitForAssertion(() => Assert.Contains("No API keys yet", page.Markup, StringComparison.Ordinal));

        page.Find("#api-key-name").Input("Build script");
        page.Find("form").Submit();

        var key = page.WaitForElement("#new-api-key").GetAttribute("value")!;
        page.WaitForAssertion(() => Assert.Contains(key[..10] + "…", page.Find("[data-testid=api-keys-table]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(key, page.Find("[data-testid=api-keys-table]").TextContent, StringComparison.Ordinal);
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/sources")).StatusCode);
        using (var owner = App.CreateClient())
        {
            Assert.Contains(email, await owner.GetStringAsync("/api/audit"), StringComparison.Ordinal);
        }

        page.Find("button[aria-label='Revoke Build script']").Click();
        Providers.WaitForElement(".mud-dialog");
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Revoke").Click();

        Providers.WaitForAssertion(() => Assert.Contains("Revoked the key “Build script”.", Providers.Markup, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Contains("No API keys yet", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("#new-api-key"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/sources")).StatusCode);
    }

    [Fact]
    public async Task Create_WithoutAName_SaysWhatToNameIt()
    {
        await SignInAsNewUserAsync(AccountRole.Editor);
        var page = RenderWithProviders<ApiKeysPage>();
        page.WaitForAssertion(() => Assert.Contains("No API keys yet", page.Markup, StringComparison.Ordinal));

        page.Find("#api-key-name").Input("  ");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Name the key after what will use it, e.g. \"CI pipeline\".", page.Find("form").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("#new-api-key"));
    }

    [Fact]
    public async Task Revoke_Cancelled_KeepsTheKey()
    {
        var (id, _) = await SignInAsNewUserAsync(AccountRole.Editor);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(id, "Kept", default);
        }

        var page = RenderWithProviders<ApiKeysPage>();
        page.WaitForElement("button[aria-label='Revoke Kept']").Click();
        Providers.WaitForElement(".mud-dialog");
        Assert.Contains("Anything using it stops working", Providers.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        Providers.WaitForAssertion(() => Assert.Empty(Providers.FindAll(".mud-dialog")));
        Assert.Contains("Kept", page.Find("[data-testid=api-keys-table]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_AnotherUsersKeys_AreNotListed()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var owner = (await scope.ServiceProvider.GetRequiredService<UserService>().ListAsync(default)).First(u => u.Email == TestAccounts.OwnerEmail);
            await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(owner.Id, "Owner's own " + Guid.NewGuid().ToString("N")[..6], default);
        }

        await SignInAsNewUserAsync(AccountRole.Viewer);
        var page = RenderWithProviders<ApiKeysPage>();

        page.WaitForAssertion(() => Assert.Contains("No API keys yet", page.Markup, StringComparison.Ordinal));
    }

    /// <summary>A new user with <paramref name="role"/>, signed in on this page: keys are stored under a real user's id.</summary>
    private async Task<(string Id, string Email)> SignInAsNewUserAsync(AccountRole role)
    {
        var (id, email) = await Support.Accounts.InviteAsync(App, role.ToString().ToLowerInvariant());
        Services.SignInAs(role, id, email);
        return (id, email);
    }
}
