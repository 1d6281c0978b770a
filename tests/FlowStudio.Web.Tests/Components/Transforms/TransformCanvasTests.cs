using Bunit;
using FlowStudio.Web.Features.Flows;
using FlowStudio.Web.Tests.Components.Canvas;
using FlowStudio.Web.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace FlowStudio.Web.Tests.Components.Transforms;

[Collection(AppCollection.Name)]
public sealed class TransformCanvasTests : ComponentTest
{
    public TransformCanvasTests(FlowStudioApp app) : base(app) => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    [Fact]
    public async Task Canvas_Transform_SitsBetweenItsDatasetAndTheDestinationsOfItsOutput()
    {
        using var client = App.CreateClient();
        var flow = await StoredFlow.CreateAsync(client, records: 3);
        var (transformId, outputId) = await TransformAsync(client, flow.DatasetId);
        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = "Big orders " + Guid.NewGuid().ToString("N")[..6],
            datasetId = outputId,
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new { url = "/v2/ingest/entity/account" },
        }, 201);
        var destinationId = destination.GetProperty("id").GetString()!;

        var page = RenderWithProviders<FlowsPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-node-id='{destinationId}']")));
        Assert.Matches("^Transform Big orders \\w+, 1 step, 2 records$", page.Find($"[data-node-id='{transformId}']").GetAttribute("aria-label"));
        Assert.Empty(page.FindAll($"[data-node-id='{outputId}']"));
        var edges = page.FindAll(".flow-edge").Select(e => (e.GetAttribute("data-from"), e.GetAttribute("data-to"))).ToList();
        Assert.Contains((flow.DatasetId, transformId), edges);
        Assert.Contains((transformId, destinationId), edges);
    }

    [Fact]
    public async Task DatasetAndTransformMenus_OfferAddTransformAndSendToDestination()
    {
        using var client = App.CreateClient();
        var flow = await StoredFlow.CreateAsync(client, records: 3);
        var (transformId, outputId) = await TransformAsync(client, flow.DatasetId);
        var page = RenderWithProviders<FlowsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-node-id='{transformId}']")));

        page.Find($"[data-node-id='{flow.DatasetId}']").Click();
        Providers.WaitForAssertion(() => Assert.Equal($"/transforms/new?datasetId={flow.DatasetId}", Href("Add Transform")));
        page.Find($"[data-node-id='{flow.DatasetId}']").Click();
        page.Find($"[data-node-id='{transformId}']").Click();

        Providers.WaitForAssertion(() =>
        {
            Assert.Equal(["Edit", "Send to Destination", "Add Transform", "Delete"], Providers.FindAll("[role=menuitem]").Select(i => i.TextContent.Trim()));
            Assert.Equal($"/destinations/new?datasetId={outputId}", Href("Send to Destination"));
            Assert.Equal($"/transforms/{transformId}", Href("Edit"));
        });
    }

    private string? Href(string item)
    {
        var menuItem = Providers.FindAll("[role=menuitem]").Single(i => i.TextContent.Trim() == item);
        return menuItem.GetAttribute("href") ?? menuItem.QuerySelector("a")?.GetAttribute("href");
    }

    private static async Task<(string Id, string DatasetId)> TransformAsync(HttpClient client, string datasetId)
    {
        var transform = await client.PostJsonAsync("/api/transforms", new
        {
            name = "Big orders " + Guid.NewGuid().ToString("N")[..6],
            inputDatasetId = datasetId,
            steps = new[] { new { kind = "filter", conditions = new[] { new { field = "total", @operator = "greaterThan", value = "1" } } } },
        }, 201);
        return (transform.GetProperty("id").GetString()!, transform.GetProperty("datasetId").GetString()!);
    }
}
