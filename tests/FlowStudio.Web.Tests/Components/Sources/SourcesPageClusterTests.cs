using Bunit;
using FlowStudio.Web.Features.Sources;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Components.Sources;

/// <summary>The sources list open on one instance follows changes made through another instance's API.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SourcesPageClusterTests(AppCluster cluster) : SourceScreenTest(cluster.B)
{
    [PostgresFact]
    public async Task ListOnB_ShowsASourceCreatedAndPausedThroughA()
    {
        var name = Unique("Pushed elsewhere");
        var list = RenderWithProviders<SourcesPage>();
        list.WaitForAssertion(() => Assert.True(
            list.FindAll("[data-testid=sources-table]").Count > 0 || list.Markup.Contains("No sources yet", StringComparison.Ordinal), "the list has loaded"));

        using var client = cluster.A.CreateClient();
        var source = await client.PostJsonAsync("/api/sources", new { name, connector = "webhook" }, 201);

        list.WaitForAssertion(() => Assert.Contains("Receiving", Row(list, name).TextContent, StringComparison.Ordinal));

        await client.PostJsonAsync($"/api/sources/{source.GetProperty("id").GetString()}/pause", new { }, 200);

        list.WaitForAssertion(() => Assert.Contains("Paused", Row(list, name).TextContent, StringComparison.Ordinal));
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<SourcesPage> list, string name) =>
        list.FindAll("[data-testid=sources-table] tbody tr").First(r => r.TextContent.Contains(name, StringComparison.Ordinal));
}
