using FlowStudio.Web.Data;
using FlowStudio.Web.Features.Home;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Components;

public sealed class FlowsPageTests
{
    [Fact]
    public async Task Render_NoFlows_InvitesANewDataFlow()
    {
        await using var renderer = await ComponentRenderer.CreateAsync();

        var document = await renderer.RenderAsync<FlowsPage>();

        Assert.Equal("Flows", document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("No data flows yet", document.QuerySelector(".empty-title")!.TextContent.Trim());
        var emptyStateAction = document.QuerySelector(".empty-action a")!;
        Assert.Equal("New Data Flow", emptyStateAction.TextContent.Trim());
        Assert.Equal("/flows/new", emptyStateAction.GetAttribute("href"));
    }

    [Fact]
    public async Task Render_WithASource_DrawsItsFlowInsteadOfTheEmptyState()
    {
        await using var renderer = await ComponentRenderer.CreateAsync();
        var db = renderer.Services.GetRequiredService<FlowStudioDb>();
        db.Sources.Add(new Source
        {
            Id = "src_1",
            Name = "ClientSuccess clients",
            Kind = "api",
            DatasetId = "ds_1",
            Status = "active",
            CreatedAt = new DateTime(2026, 11, 22, 9, 30, 0, DateTimeKind.Utc),
        });
        await db.SaveChangesAsync();

        var document = await renderer.RenderAsync<FlowsPage>();

        Assert.Null(document.QuerySelector(".empty"));
        var source = document.QuerySelector("[data-testid=flow-source]")!;
        Assert.Equal("/sources/src_1", source.GetAttribute("href"));
        Assert.Contains("ClientSuccess clients", source.TextContent, StringComparison.Ordinal);
        Assert.Contains("Active", source.TextContent, StringComparison.Ordinal);
        Assert.Equal("/destinations/new?datasetId=ds_1", document.QuerySelector("[data-testid=flow-add-destination]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Render_WithADestination_DrawsSourceDatasetAndDestination()
    {
        await using var renderer = await ComponentRenderer.CreateAsync();
        var db = renderer.Services.GetRequiredService<FlowStudioDb>();
        var now = new DateTime(2026, 11, 22, 9, 30, 0, DateTimeKind.Utc);
        db.Sources.Add(new Source { Id = "src_2", Name = "Pulses", Kind = "api", DatasetId = "ds_2", CreatedAt = now });
        db.Datasets.Add(new Dataset { Id = "ds_2", Name = "Pulses", RecordCount = 300, CreatedAt = now });
        db.Destinations.Add(new Destination { Id = "dst_1", Name = "Pulses to Clari", DatasetId = "ds_2", CredentialId = "cred_x", Status = "active", CreatedAt = now });
        await db.SaveChangesAsync();

        var document = await renderer.RenderAsync<FlowsPage>();

        Assert.Contains("300 records", document.QuerySelector("[data-testid=flow-dataset]")!.TextContent, StringComparison.Ordinal);
        var destination = document.QuerySelector("[data-testid=flow-destination]")!;
        Assert.Equal("/destinations/dst_1", destination.GetAttribute("href"));
        Assert.Contains("Pulses to Clari", destination.TextContent, StringComparison.Ordinal);
        Assert.Contains("Active", destination.TextContent, StringComparison.Ordinal);
    }
}
