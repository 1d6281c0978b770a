using FlowStudio.Web.Components.Layout;

namespace FlowStudio.Web.Tests.Components;

public sealed class NavMenuTests
{
    [Fact]
    public async Task Render_AnyPage_LinksEveryMainSection()
    {
        await using var renderer = await ComponentRenderer.CreateAsync();

        var document = await renderer.RenderAsync<NavMenu>();

        var links = document.QuerySelectorAll("nav[aria-label='Main'] a.nav-link")
            .Select(a => (Text: a.TextContent.Trim(), Href: a.GetAttribute("href")))
            .ToList();
        Assert.Equal(
            [("Flows", "/"), ("Sources", "/sources"), ("Destinations", "/destinations"), ("Credentials", "/credentials"), ("Lookups", "/lookups"), ("Runs", "/runs")],
            links);
    }

    [Theory]
    [InlineData("http://localhost/", "Flows")]
    [InlineData("http://localhost/flows/new", "Flows")]
    [InlineData("http://localhost/credentials", "Credentials")]
    [InlineData("http://localhost/credentials?page=2", "Credentials")]
    [InlineData("http://localhost/runs/run_42", "Runs")]
    [InlineData("http://localhost/destinations", "Destinations")]
    public async Task Render_OnAPage_MarksOnlyItsSectionCurrent(string url, string expected)
    {
        await using var renderer = await ComponentRenderer.CreateAsync(url);

        var document = await renderer.RenderAsync<NavMenu>();

        var current = document.QuerySelectorAll("a[aria-current='page']").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal([expected], current);
    }

    [Theory]
    [InlineData("http://localhost/not-found")]
    [InlineData("http://localhost/sourcesx")]
    public async Task Render_OutsideTheSections_MarksNothingCurrent(string url)
    {
        await using var renderer = await ComponentRenderer.CreateAsync(url);

        var document = await renderer.RenderAsync<NavMenu>();

        Assert.Empty(document.QuerySelectorAll("[aria-current]"));
    }

    [Fact]
    public async Task Render_SmallScreen_TogglerControlsTheMenu()
    {
        await using var renderer = await ComponentRenderer.CreateAsync();

        var document = await renderer.RenderAsync<NavMenu>();

        var toggler = document.QuerySelector("button.navbar-toggler")!;
        Assert.Equal("main-menu", toggler.GetAttribute("aria-controls"));
        Assert.Equal("false", toggler.GetAttribute("aria-expanded"));
        Assert.False(string.IsNullOrWhiteSpace(toggler.GetAttribute("aria-label")));
        Assert.NotNull(document.GetElementById("main-menu"));
    }
}
