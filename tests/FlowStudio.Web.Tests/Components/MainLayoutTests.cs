using FlowStudio.Web.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace FlowStudio.Web.Tests.Components;

public sealed class MainLayoutTests
{
    [Fact]
    public async Task Render_WithBody_PutsBodyInMainAfterASkipLink()
    {
        await using var renderer = await ComponentRenderer.CreateAsync("http://localhost/credentials");
        RenderFragment body = builder => builder.AddMarkupContent(0, "<p id='page-content'>Hello</p>");

        var document = await renderer.RenderAsync<MainLayout>(new Dictionary<string, object?> { ["Body"] = body });

        var firstLink = document.QuerySelector("a")!;
        Assert.Equal("Skip to main content", firstLink.TextContent.Trim());
        Assert.Equal("#main-content", firstLink.GetAttribute("href"));
        var main = document.QuerySelector("main#main-content")!;
        Assert.NotNull(main.QuerySelector("#page-content"));
        Assert.NotNull(document.QuerySelector("nav[aria-label='Main']"));
    }

    [Fact]
    public async Task Render_Always_HasAHiddenAlertForFailedRequests()
    {
        await using var renderer = await ComponentRenderer.CreateAsync();

        var document = await renderer.RenderAsync<MainLayout>(new Dictionary<string, object?> { ["Body"] = (RenderFragment)(_ => { }) });

        var alert = document.GetElementById("request-problem")!;
        Assert.Equal("alert", alert.GetAttribute("role"));
        Assert.True(alert.HasAttribute("hidden"));
    }
}
