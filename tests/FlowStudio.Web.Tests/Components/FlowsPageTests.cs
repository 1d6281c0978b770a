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
    public async Task Render_WithASource_ListsItInsteadOfTheEmptyState()
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
        var cells = document.QuerySelectorAll("tbody td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["ClientSuccess clients", "API", "Active", "2026-11-22 09:30 UTC"], cells);
    }
}
