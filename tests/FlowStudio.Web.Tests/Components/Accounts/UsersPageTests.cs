using System.Net;
using Bunit;
using FlowStudio.Web.Features.Accounts;
using FlowStudio.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Components.Accounts;

[Collection(AppCollection.Name)]
public sealed class UsersPageTests(FlowStudioApp app) : ComponentTest(app)
{
    [Fact]
    public void Render_Owner_ListsTheOwnerAsActiveWithTheirRole()
    {
        var page = RenderWithProviders<UsersPage>();

        page.WaitForAssertion(() =>
        {
            var row = OwnerRow(page);
            Assert.Contains("Active", row.TextContent, StringComparison.Ordinal);
            Assert.Equal("Owner", row.QuerySelector(".role-select input")!.GetAttribute("value"));
        });
    }

    [Fact]
    public async Task Invite_EmailAndRole_ShowsTheOneTimeLinkThatWorks()
    {
        var email = $"invited-{Guid.NewGuid():N}@flowstudio.test";
        var page = RenderWithProviders<UsersPage>();
        page.WaitForElement("[data-testid=users-table]");

        page.Find("#invite-email").Input(email);
        ChooseRole(page.Find("form .mud-select"), "Viewer");
        page.Find("form").Submit();

        var link = page.WaitForElement("#invitation-link").GetAttribute("value")!;
        Assert.StartsWith("http://localhost/account/set-password?userId=", link, StringComparison.Ordinal);
        page.WaitForAssertion(() =>
        {
            var row = page.FindAll("[data-testid=users-table] tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));
            Assert.Contains("Invited", row.TextContent, StringComparison.Ordinal);
            Assert.Equal("Viewer", row.QuerySelector(".role-select input")!.GetAttribute("value"));
        });
        Assert.Contains($"Invited {email} as viewer", Providers.Markup, StringComparison.Ordinal);
        using var invitee = BrowserSession.Open(App);
        var set = await invitee.SubmitAsync(new Uri(link).PathAndQuery, "form", new() { ["Input.Password"] = "Invited-Password-1" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
    }

    [Fact]
    public void Invite_NotAnEmail_SaysWhatToEnterNextToTheFieldAndKeepsIt()
    {
        var page = RenderWithProviders<UsersPage>();
        page.WaitForElement("[data-testid=users-table]");

        page.Find("#invite-email").Input("not-an-email");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Enter an email address, e.g. ada@example.com.", page.Find("form").TextContent, StringComparison.Ordinal));
        Assert.Equal("not-an-email", page.Find("#invite-email").GetAttribute("value"));
        Assert.Empty(page.FindAll("#invitation-link"));
    }

    [Fact]
    public void ChangeRole_TheLastOwner_AsksThenRefusesAndKeepsThemOwner()
    {
        var page = RenderWithProviders<UsersPage>();
        page.WaitForAssertion(() => OwnerRow(page));

        ChooseRole(OwnerRow(page).QuerySelector(".mud-select")!, "Viewer");
        Providers.WaitForElement(".mud-dialog");
        Assert.Contains($"Make {TestAccounts.OwnerEmail} viewer?", Providers.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Make viewer").Click();

        Providers.WaitForAssertion(() => Assert.Contains("This is the last owner: make another user an owner first.", Providers.Markup, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Equal("Owner", OwnerRow(page).QuerySelector(".role-select input")!.GetAttribute("value")));
    }

    [Fact]
    public async Task ChangeRole_Confirmed_MakesTheUserEditor()
    {
        var (id, email) = await Support.Accounts.InviteAsync(App, "viewer");
        var page = RenderWithProviders<UsersPage>();
        page.WaitForAssertion(() => Row(page, email));

        ChooseRole(Row(page, email).QuerySelector(".mud-select")!, "Editor");
        Providers.WaitForElement(".mud-dialog");
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Make editor").Click();

        Providers.WaitForAssertion(() => Assert.Contains($"{email} is now editor.", Providers.Markup, StringComparison.Ordinal));
        await using var scope = App.Services.CreateAsyncScope();
        Assert.Equal(AccountRole.Editor, (await scope.ServiceProvider.GetRequiredService<UserService>().GetAsync(id, default))!.Role);
    }

    [Fact]
    public async Task Remove_Confirmed_TakesTheUserOffTheList()
    {
        var (_, email) = await Support.Accounts.InviteAsync(App, "viewer");
        var page = RenderWithProviders<UsersPage>();
        page.WaitForAssertion(() => Row(page, email));

        page.Find($"button[aria-label='Remove {email}']").Click();
        Providers.WaitForElement(".mud-dialog");
        Assert.Contains("their API keys stop working", Providers.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Remove").Click();

        Providers.WaitForAssertion(() => Assert.Contains($"Removed {email}.", Providers.Markup, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.DoesNotContain(email, page.Find("[data-testid=users-table]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Remove_Cancelled_KeepsTheUser()
    {
        var (_, email) = await Support.Accounts.InviteAsync(App, "viewer");
        var page = RenderWithProviders<UsersPage>();
        page.WaitForAssertion(() => Row(page, email));

        page.Find($"button[aria-label='Remove {email}']").Click();
        Providers.WaitForElement(".mud-dialog");
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        Providers.WaitForAssertion(() => Assert.Empty(Providers.FindAll(".mud-dialog")));
        Assert.Contains(email, page.Find("[data-testid=users-table]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_LockedOutUser_SaysSo()
    {
        var (id, email) = await Support.Accounts.InviteAsync(App, "editor");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(id))!, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        var page = RenderWithProviders<UsersPage>();

        page.WaitForAssertion(() =>
        {
            var row = Row(page, email);
            Assert.Equal("Locked out", row.QuerySelector(".status-chip")!.TextContent.Trim());
            Assert.Contains("they can sign in again when the lockout ends", row.TextContent, StringComparison.Ordinal);
        });
    }

    private void ChooseRole(AngleSharp.Dom.IElement select, string role)
    {
        select.QuerySelector(".mud-input-control")!.MouseDown();
        Providers.WaitForAssertion(() => Providers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == role).Click());
    }

    private static AngleSharp.Dom.IElement OwnerRow(IRenderedComponent<UsersPage> page) => Row(page, TestAccounts.OwnerEmail);

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<UsersPage> page, string email) =>
        page.FindAll("[data-testid=users-table] tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Trim() == email);
}

[Collection(AppCollection.Name)]
public sealed class UsersPageForEditorTests(FlowStudioApp app) : ComponentTest(app, AccountRole.Editor)
{
    [Fact]
    public void Invite_ByAnEditor_IsRefusedInPlainWords()
    {
        var email = $"not-invited-{Guid.NewGuid():N}@flowstudio.test";
        var page = RenderWithProviders<UsersPage>();
        page.WaitForElement("[data-testid=users-table]");

        page.Find("#invite-email").Input(email);
        page.Find("form").Submit();

        Providers.WaitForAssertion(() => Assert.Contains("Your role (Editor) cannot make this change; it needs Owner or above.", Providers.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(email, page.Find("[data-testid=users-table]").TextContent, StringComparison.Ordinal);
    }
}
