using Bunit;
using FlowStudio.Web.Components.Shell;

namespace FlowStudio.Web.Tests.Components.Shell;

public sealed class AppNavTests : ShellTest
{
    [Fact]
    public void Render_AnyPage_LinksEveryMainSectionInOrder()
    {
        var nav = Render<AppNav>();

        var links = nav.FindAll("nav[aria-label='Main'] a").Select(a => (Text: a.TextContent.Trim(), Href: a.GetAttribute("href"))).ToList();
        Assert.Equal(
            [("Flows", "/"), ("Sources", "/sources"), ("Destinations", "/destinations"), ("Syncs", "/syncs"), ("Credentials", "/credentials"), ("Lookups", "/lookups"), ("Runs", "/runs")],
            links);
    }

    [Theory]
    [InlineData("/", "Flows")]
    [InlineData("/flows/new", "Flows")]
    [InlineData("/credentials", "Credentials")]
    [InlineData("/credentials?page=2", "Credentials")]
    [InlineData("/runs/run_42", "Runs")]
    [InlineData("/destinations", "Destinations")]
    [InlineData("/users", "Users")]
    [InlineData("/api-keys", "API keys")]
    public void Render_OnAPage_MarksOnlyItsEntryCurrent(string url, string expected)
    {
        GoTo(url);

        var nav = Render<AppNav>();

        Assert.Equal([expected], nav.FindAll("a[aria-current='page']").Select(a => a.TextContent.Trim()));
    }

    [Theory]
    [InlineData("/not-found")]
    [InlineData("/sourcesx")]
    public void Render_OutsideTheSections_MarksNothingCurrent(string url)
    {
        GoTo(url);

        var nav = Render<AppNav>();

        Assert.Empty(nav.FindAll("[aria-current]"));
    }

    [Fact]
    public void Navigate_ToAnotherSection_MovesTheMark()
    {
        GoTo("/sources");
        var nav = Render<AppNav>();

        GoTo("/runs");

        nav.WaitForAssertion(() => Assert.Equal(["Runs"], nav.FindAll("a[aria-current='page']").Select(a => a.TextContent.Trim())));
    }

    [Fact]
    public void Render_SignedIn_ShowsWhoAndTheirRoleAndSignOutPostsAForm()
    {
        var nav = Render<AppNav>();

        var account = nav.Find("nav[aria-label='Account']");
        Assert.Equal("ada@example.com", account.QuerySelector("[data-testid=signed-in-user]")!.TextContent.Trim());
        Assert.Equal("Owner", account.QuerySelector("[data-testid=signed-in-role]")!.TextContent.Trim());
        var signOut = account.QuerySelector("form[action='/account/sign-out']")!;
        Assert.Equal("post", signOut.GetAttribute("method"));
        Assert.Equal("Sign out", signOut.QuerySelector("button[type=submit]")!.TextContent.Trim());
    }
}

public sealed class AppNavForEditorTests() : ShellTest(AccountRole.Editor)
{
    [Fact]
    public void Render_Editor_OffersOnlyTheirApiKeysOfTheAccountPages()
    {
        var nav = Render<AppNav>();

        Assert.Equal(["API keys"], nav.FindAll("nav[aria-label='Account'] a").Select(a => a.TextContent.Trim()));
    }
}
