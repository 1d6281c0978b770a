using Bunit;
using FlowStudio.Web.Components.Shell;
using Microsoft.AspNetCore.Components;

namespace FlowStudio.Web.Tests.Components.Shell;

public sealed class AppLayoutTests : ShellTest
{
    public AppLayoutTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    private static readonly RenderFragment PageBody = builder => builder.AddMarkupContent(0, "<p id='page-content'>Hello</p>");

    [Fact]
    public void Render_WithBody_PutsBodyInMainAfterASkipLinkAndTheNavigation()
    {
        var layout = Render<AppLayout>(p => p.Add(l => l.Body, PageBody));

        var firstLink = layout.FindAll("a")[0];
        Assert.Equal("Skip to main content", firstLink.TextContent.Trim());
        Assert.EndsWith("#main-content", firstLink.GetAttribute("href"), StringComparison.Ordinal);
        Assert.NotNull(layout.Find("main#main-content").QuerySelector("#page-content"));
        Assert.Equal("-1", layout.Find("main#main-content").GetAttribute("tabindex"));
        Assert.NotNull(layout.Find("#main-menu nav[aria-label='Main']"));
    }

    [Fact]
    public void SkipLink_OnAPageWithAQuery_PointsAtMainOnThatSamePage()
    {
        // A bare "#main-content" would resolve against <base href="/"> and leave the page.
        GoTo("/users?page=2");

        var layout = Render<AppLayout>(p => p.Add(l => l.Body, PageBody));

        Assert.Equal("users?page=2#main-content", layout.Find("a.skip-link").GetAttribute("href"));
    }

    [Fact]
    public void SkipLink_Click_MovesTheFocusToMain()
    {
        var layout = Render<AppLayout>(p => p.Add(l => l.Body, PageBody));

        layout.Find("a.skip-link").Click();

        JSInterop.VerifyFocusAsyncInvoke();
    }

    [Fact]
    public void MenuButton_Click_OpensOrClosesTheDrawerAndSaysWhich()
    {
        // Test interop reports no screen width, so the drawer starts as on a phone: closed below 960 px.
        var layout = Render<AppLayout>(p => p.Add(l => l.Body, PageBody));
        var toggle = layout.Find("button[aria-label='Show or hide the menu']");
        Assert.Equal("main-menu", toggle.GetAttribute("aria-controls"));
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));

        toggle.Click();

        Assert.Equal("true", layout.Find("button[aria-label='Show or hide the menu']").GetAttribute("aria-expanded"));
        Assert.Contains("mud-drawer--open", layout.Find("#main-menu").ClassList);

        layout.Find("button[aria-label='Show or hide the menu']").Click();

        Assert.Equal("false", layout.Find("button[aria-label='Show or hide the menu']").GetAttribute("aria-expanded"));
        Assert.Contains("mud-drawer--closed", layout.Find("#main-menu").ClassList);
    }

    [Fact]
    public void Render_InATest_SaysItIsInteractiveForBrowserTestsToWaitOn()
    {
        var layout = Render<AppLayout>(p => p.Add(l => l.Body, PageBody));

        Assert.Equal("true", layout.Find(".app-shell").GetAttribute("data-interactive"));
    }
}
