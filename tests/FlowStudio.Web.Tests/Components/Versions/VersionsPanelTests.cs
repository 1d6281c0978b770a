using System.Net.Http.Json;
using Bunit;
using FlowStudio.Web.Features.Versions;
using FlowStudio.Web.Tests.Components.Sources;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Components.Versions;

[Collection(AppCollection.Name)]
public sealed class VersionsPanelTests(FlowStudioApp app) : SourceScreenTest(app)
{
    [Fact]
    public async Task Panel_ShowsTheVersionsAndTheLatestChangeSideBySide_RestoreAsksThenMakesANewVersion()
    {
        var name = Unique("Versioned hook");
        var source = await CreateSourceAsync(new { name, connector = "webhook" });
        var id = source.GetProperty("id").GetString()!;
        await RenameAsync(id, name + " B");
        await RenameAsync(id, name + " C");

        var panel = RenderWithProviders<VersionsPanel>(p => p.Add(x => x.Kind, ResourceKind.Source).Add(x => x.ResourceId, id).Add(x => x.MayChange, true));

        panel.WaitForAssertion(() => Assert.Equal(3, panel.FindAll("[data-testid=versions-table] tbody tr").Count));
        Assert.StartsWith("3 (current)", panel.Find("[data-testid=versions-table] tbody tr").TextContent.Trim(), StringComparison.Ordinal);
        var diff = panel.Find("[data-testid=version-diff]");
        Assert.Equal(["Field", "Version 2", "Version 3"], diff.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        var row = Assert.Single(diff.QuerySelectorAll("tbody tr"));
        Assert.Equal("name", row.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal(name + " B", row.QuerySelector(".version-before")!.TextContent.Trim());
        Assert.Equal(name + " C", row.QuerySelector(".version-after")!.TextContent.Trim());

        panel.FindAll("button").First(b => b.GetAttribute("aria-label") == "Restore version 1").Click();
        Providers.WaitForAssertion(() => Assert.Contains("Restore version 1?", Dialog().TextContent, StringComparison.Ordinal));
        Assert.Contains("saved as version 4", Dialog().TextContent, StringComparison.Ordinal);
        ClickButton(Dialog(), "Restore");

        panel.WaitForAssertion(() => Assert.Equal(4, panel.FindAll("[data-testid=versions-table] tbody tr").Count));
        // The change feed may re-render the table before the restore's own answer shows its message.
        Providers.WaitForAssertion(() => Assert.Contains("Version 1 restored as version 4.", Providers.Find("#mud-snackbar-container").TextContent, StringComparison.Ordinal));
        Assert.Contains("restored from version 1", panel.Find("[data-testid=versions-table] tbody tr").TextContent, StringComparison.Ordinal);
        Assert.Contains("ada@example.com", panel.Find("[data-testid=versions-table] tbody tr").TextContent, StringComparison.Ordinal);
        Assert.Equal(name, (await GetSourceAsync(id)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Panel_ForAViewer_HasNoRestore()
    {
        var name = Unique("Read-only hook");
        var source = await CreateSourceAsync(new { name, connector = "webhook" });
        var id = source.GetProperty("id").GetString()!;
        await RenameAsync(id, name + " B");

        var panel = RenderWithProviders<VersionsPanel>(p => p.Add(x => x.Kind, ResourceKind.Source).Add(x => x.ResourceId, id));

        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("[data-testid=versions-table] tbody tr").Count));
        Assert.DoesNotContain(panel.FindAll("button"), b => b.TextContent.Trim() == "Restore");
    }

    private async Task RenameAsync(string id, string name)
    {
        using var client = App.CreateClient();
        var response = await client.PutAsJsonAsync($"/api/sources/{id}", new { name, connector = "webhook" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
