using Bunit;
using FlowStudio.Web.Components.Shell;
using FlowStudio.Web.Features.Flows;
using FlowStudio.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Components.Canvas;

[Collection(AppCollection.Name)]
public sealed class FlowsPageTests : ComponentTest
{
    public FlowsPageTests(FlowStudioApp app) : base(app) => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    [Fact]
    public async Task Canvas_StoredFlow_DrawsSourceDatasetAndDestinationJoinedByEdges()
    {
        using var client = App.CreateClient();
        var flow = await StoredFlow.CreateAsync(client, records: 3);

        var page = RenderWithProviders<FlowsPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-node-id='{flow.DestinationId}']")));
        var source = page.Find($"[data-node-id='{flow.SourceId}']");
        Assert.Matches($"^Source {flow.SourceName}, (receiving|paused), 3 records$", source.GetAttribute("aria-label"));
        Assert.Equal($"Dataset {flow.SourceName}, 3 records", page.Find($"[data-node-id='{flow.DatasetId}']").GetAttribute("aria-label"));
        Assert.Equal($"Destination {flow.DestinationName}, paused, 0 sent, 3 pending, 0 failed",
            page.Find($"[data-node-id='{flow.DestinationId}']").GetAttribute("aria-label"));
        Assert.Contains("Webhook · 3 records", source.TextContent, StringComparison.Ordinal);
        var edges = page.FindAll(".flow-edge").Select(e => (e.GetAttribute("data-from"), e.GetAttribute("data-to"))).ToList();
        Assert.Contains((flow.SourceId, flow.DatasetId), edges);
        Assert.Contains((flow.DatasetId, flow.DestinationId), edges);
    }

    [Fact]
    public async Task Canvas_Nodes_AreTabStopsInFlowOrderWithArrowKeyNeighbours()
    {
        using var client = App.CreateClient();
        var flow = await StoredFlow.CreateAsync(client);

        var page = RenderWithProviders<FlowsPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-node-id='{flow.DestinationId}']")));
        var order = page.FindAll(".flow-node").Select(n => n.GetAttribute("data-node-id")).ToList();
        Assert.True(order.IndexOf(flow.SourceId) < order.IndexOf(flow.DatasetId) && order.IndexOf(flow.DatasetId) < order.IndexOf(flow.DestinationId),
            "Tab goes source, dataset, destination");
        Assert.All(page.FindAll(".flow-node"), node =>
        {
            Assert.Equal("0", node.GetAttribute("tabindex"));
            Assert.Equal("menu", node.GetAttribute("aria-haspopup"));
        });
        var dataset = page.Find($"[data-node-id='{flow.DatasetId}']");
        Assert.Equal(flow.SourceId, dataset.GetAttribute("data-left"));
        Assert.Equal(flow.DestinationId, dataset.GetAttribute("data-right"));
        Assert.Equal(flow.DatasetId, page.Find($"[data-node-id='{flow.DestinationId}']").GetAttribute("data-left"));
    }

    [Fact]
    public async Task SourceNode_Click_OpensItsResourceMenuInTheSeedsWords()
    {
        using var client = App.CreateClient();
        var flow = await StoredFlow.CreateAsync(client);
        var page = RenderWithProviders<FlowsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-node-id='{flow.SourceId}']")));

        page.Find($"[data-node-id='{flow.SourceId}']").Click();

        // A webhook source is filled by its callers: nothing to run, test or edit.
        Providers.WaitForAssertion(() => Assert.Matches("^Open,(Pause|Activate),Runs,Export,Delete$", string.Join(",", MenuItems())));
    }

    [Fact]
    public async Task DestinationNode_Click_OpensItsResourceMenu()
    {
        using var client = App.CreateClient();
        var flow = await StoredFlow.CreateAsync(client);
        var page = RenderWithProviders<FlowsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-node-id='{flow.DestinationId}']")));

        page.Find($"[data-node-id='{flow.DestinationId}']").Click();

        Providers.WaitForAssertion(() => Assert.Equal(["Open", "Edit", "Activate", "Run now", "Send Test Data", "Dry run", "Runs", "Delete"], MenuItems()));
    }

    [Fact]
    public async Task DatasetNode_Plus_OffersSendToDestinationForItsDataset()
    {
        using var client = App.CreateClient();
        var flow = await StoredFlow.CreateAsync(client);
        var page = RenderWithProviders<FlowsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-node-id='{flow.DatasetId}'] .flow-node-add")));

        page.Find($"[data-node-id='{flow.DatasetId}']").Click();

        Providers.WaitForAssertion(() =>
        {
            var sendTo = Providers.FindAll("[role=menuitem]").Single(i => i.TextContent.Trim() == "Send to Destination");
            Assert.Equal($"/destinations/new?datasetId={flow.DatasetId}", (sendTo.GetAttribute("href") ?? sendTo.QuerySelector("a")?.GetAttribute("href")));
        });
    }

    [Fact]
    public async Task DestinationNode_Activate_CallsTheServiceAndTheNodeShowsActive()
    {
        using var client = App.CreateClient();
        var flow = await StoredFlow.CreateAsync(client);
        var page = RenderWithProviders<FlowsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-node-id='{flow.DestinationId}']")));

        page.Find($"[data-node-id='{flow.DestinationId}']").Click();
        Providers.WaitForAssertion(() => Providers.FindAll("[role=menuitem]").Single(i => i.TextContent.Trim() == "Activate").Click());
        // Activating sends the dataset's records: it asks first, naming how many and where.
        Providers.WaitForAssertion(() => Assert.Contains("sends the 3 records waiting in its dataset to the Clari API", Providers.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Activate").Click();

        page.WaitForAssertion(() => Assert.StartsWith($"Destination {flow.DestinationName}, active", page.Find($"[data-node-id='{flow.DestinationId}']").GetAttribute("aria-label"), StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));
        var stored = await client.GetStringAsync($"/api/destinations/{flow.DestinationId}");
        Assert.Contains("\"status\":\"active\"", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Canvas_ChangeMadeElsewhere_IsPushedWithoutReload()
    {
        using var client = App.CreateClient();
        var flow = await StoredFlow.CreateAsync(client);
        var page = RenderWithProviders<FlowsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-node-id='{flow.SourceId}']")));

        // The API's pause goes through the service, which announces the change: no reload, no timer.
        await client.PostJsonAsync($"/api/sources/{flow.SourceId}/pause", new { }, 200);

        page.WaitForAssertion(() => Assert.Equal($"Source {flow.SourceName}, paused, 3 records", page.Find($"[data-node-id='{flow.SourceId}']").GetAttribute("aria-label")),
            TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task SourceNode_Delete_NamesTheDestinationsThenDeletesThemWithIt()
    {
        using var client = App.CreateClient();
        var flow = await StoredFlow.CreateAsync(client);
        var page = RenderWithProviders<FlowsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-node-id='{flow.SourceId}']")));

        page.Find($"[data-node-id='{flow.SourceId}']").Click();
        Providers.WaitForAssertion(() => Providers.FindAll("[role=menuitem]").Single(i => i.TextContent.Trim() == "Delete").Click());

        Providers.WaitForAssertion(() => Assert.Contains($"the destination that sends it: “{flow.DestinationName}”", Providers.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Delete source and destinations").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-node-id='{flow.SourceId}']")), TimeSpan.FromSeconds(10));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/api/destinations/{flow.DestinationId}")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/api/sources/{flow.SourceId}")).StatusCode);
    }

    [Fact]
    public async Task DestinationNode_SendTestData_AsksFirstThenReportsTheApisAnswer()
    {
        using var client = App.CreateClient();
        var flow = await StoredFlow.CreateAsync(client);
        var page = RenderWithProviders<FlowsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-node-id='{flow.DestinationId}']")));

        page.Find($"[data-node-id='{flow.DestinationId}']").Click();
        Providers.WaitForAssertion(() => Providers.FindAll("[role=menuitem]").Single(i => i.TextContent.Trim() == "Send Test Data").Click());

        Providers.WaitForAssertion(() => Assert.Contains("it creates or changes records there", Providers.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Send Test Data").Click();

        // The sandbox's Clari refuses a single record (it takes arrays): the answer is shown as it came.
        Providers.WaitForAssertion(() => Assert.Contains("The API answered 400", Providers.Find(".mud-snackbar").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task SourceNode_Test_ShowsTheSampleRecordsAndRequests()
    {
        using var client = App.CreateClient();
        var source = await client.PostJsonAsync("/api/sources", new
        {
            name = "Contracts " + Guid.NewGuid().ToString("N")[..6],
            credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox"),
            templateId = "clientsuccess.search-contracts",
        }, 201);
        var sourceId = source.GetProperty("id").GetString()!;
        var page = RenderWithProviders<FlowsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-node-id='{sourceId}']")));

        page.Find($"[data-node-id='{sourceId}']").Click();
        Providers.WaitForAssertion(() => Providers.FindAll("[role=menuitem]").Single(i => i.TextContent.Trim() == "Test").Click());

        Providers.WaitForAssertion(() =>
        {
            Assert.Matches(@"^\d+ sample records from 1 request\.$", Providers.Find("[data-testid=source-test-summary]").TextContent.Trim());
            Assert.Contains("200", Providers.Find("[data-testid=source-test] table").TextContent, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(15));
    }

    private List<string> MenuItems() => Providers.FindAll("[role=menuitem]").Select(i => i.TextContent.Trim()).ToList();
}

[Collection(AppCollection.Name)]
public sealed class FlowsPageViewerTests : ComponentTest
{
    public FlowsPageViewerTests(FlowStudioApp app) : base(app, AccountRole.Viewer) => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    [Fact]
    public async Task Viewer_NodeMenus_OnlyOpenAndRuns()
    {
        using var client = App.CreateClient();
        var flow = await StoredFlow.CreateAsync(client);
        var page = RenderWithProviders<FlowsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-node-id='{flow.DestinationId}']")));

        page.Find($"[data-node-id='{flow.DestinationId}']").Click();

        Providers.WaitForAssertion(() => Assert.Equal(["Open", "Runs"], Providers.FindAll("[role=menuitem]").Select(i => i.TextContent.Trim())));
        Assert.Empty(page.FindAll("a[href='/flows/new']"));
        Assert.Empty(page.FindAll($"[data-node-id='{flow.DatasetId}'] .flow-node-add"));
    }
}
