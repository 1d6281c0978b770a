using Bunit;
using FlowStudio.Web.Features.Syncs;
using FlowStudio.Web.Tests.Components.Destinations;
using FlowStudio.Web.Tests.Features.Syncs;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Components.Syncs;

[Collection(AppCollection.Name)]
public sealed class SyncsPageTests(FlowStudioApp app) : ComponentTest(app)
{
    [Fact]
    public async Task List_ShowsEachSyncsSidesStatusAndThatItHasNotRun()
    {
        using var client = App.CreateClient();
        var sync = await SyncSetup.CreatedAsync(client, await SyncSetup.RequestAsync(client, contactsDirection: "pull"));
        var name = sync.GetProperty("name").GetString()!;
        try
        {
            var page = RenderWithProviders<SyncsPage>();

            await page.EventuallyAsync(() => Assert.Contains(page.FindAll("tr"), r => r.TextContent.Contains(name, StringComparison.Ordinal)));
            var row = page.FindAll("tr").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal));
            Assert.Equal("Clients ↔ Accounts (PUSH AND PULL) · Contacts ↔ Contacts (PULL)", row.QuerySelector("[data-testid=sync-sides]")!.TextContent.Trim());
            Assert.Equal("Paused", row.QuerySelector(".status-chip")!.TextContent.Trim());
            Assert.Equal("Not run yet", row.QuerySelector("[data-testid=sync-last-run]")!.TextContent.Trim());
            Assert.Equal($"/syncs/{sync.GetProperty("id").GetString()}", row.QuerySelector("a")!.GetAttribute("href"));
        }
        finally
        {
            await client.DeleteAsync($"/api/syncs/{sync.GetProperty("id").GetString()}");
        }
    }
}
