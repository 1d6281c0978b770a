using Bunit;
using FlowStudio.Web.Features.Lookups;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Components.Lookups;

[Collection(AppCollection.Name)]
public sealed class LookupsPageViewerTests(FlowStudioApp app) : ComponentTest(app, AccountRole.Viewer)
{
    [Fact]
    public async Task LookupsPage_Viewer_ListsLookupsWithoutWaysToChangeThem()
    {
        using var client = App.CreateClient();
        var name = "viewed" + Guid.NewGuid().ToString("N")[..6];
        await client.PostJsonAsync("/api/lookups", new { name, rows = new[] { new { id = "1" } } }, 201);

        var page = RenderWithProviders<LookupsPage>();

        page.WaitForAssertion(() => Assert.Contains(name, page.Find("[data-testid=lookups-table]").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("New Lookup", StringComparison.Ordinal));
        Assert.Empty(page.FindAll($"button[aria-label='Delete {name}'], button[aria-label='Edit rows of {name}']"));
    }
}
