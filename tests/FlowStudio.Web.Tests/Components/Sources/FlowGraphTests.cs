using FlowStudio.Web.Data;
using FlowStudio.Web.Features.Flows;

namespace FlowStudio.Web.Tests.Components.Sources;

public sealed class FlowGraphTests
{
    [Fact]
    public async Task Render_NoSources_InvitesANewDataFlow()
    {
        await using var renderer = await SourceScreensRenderer.CreateAsync();

        var document = await renderer.RenderAsync<FlowGraph>();

        Assert.Equal("No data flows yet", document.QuerySelector(".empty-title")!.TextContent.Trim());
        Assert.Equal("/flows/new", document.QuerySelector(".empty-action a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Render_TemplateSourceWithRecords_DrawsSourceDatasetAndSendToDestination()
    {
        await using var renderer = await SourceScreensRenderer.CreateAsync();
        var now = new DateTime(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);
        renderer.Db.Sources.Add(new Source
        {
            Id = "src_1", Name = "Pulses", Kind = "api", TemplateId = "clientsuccess.search-pulses", DatasetId = "ds_1", Status = "active", CreatedAt = now,
        });
        renderer.Db.Datasets.Add(new Dataset { Id = "ds_1", Name = "Pulses", SourceId = "src_1", RecordCount = 300, CreatedAt = now });
        await renderer.Db.SaveChangesAsync();

        var document = await renderer.RenderAsync<FlowGraph>();

        var flow = document.QuerySelector("[data-testid='flow-graph'] li")!;
        Assert.Equal("Flow from Pulses", flow.GetAttribute("aria-label"));
        var source = flow.QuerySelector("[data-testid='flow-source']")!;
        Assert.Equal("/sources/src_1", source.GetAttribute("href"));
        Assert.Contains("ClientSuccess", source.TextContent, StringComparison.Ordinal);
        Assert.Contains("Search Pulses", source.TextContent, StringComparison.Ordinal);
        Assert.Equal("Active", source.QuerySelector(".badge")!.TextContent.Trim());
        Assert.Contains("300 records", flow.QuerySelector("[data-testid='flow-dataset']")!.TextContent, StringComparison.Ordinal);
        var next = flow.QuerySelector("[data-testid='flow-add-destination']")!;
        Assert.Equal("/destinations/new?datasetId=ds_1", next.GetAttribute("href"));
        Assert.Equal("Send to Destination", next.TextContent.Trim());
    }
}
