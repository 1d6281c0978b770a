using Bunit;
using FlowStudio.Web.Features.Sources;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Components.Sources;

[Collection(AppCollection.Name)]
public sealed class SourcesPageTests(FlowStudioApp app) : SourceScreenTest(app)
{
    [Fact]
    public async Task List_ShowsEachSourceWithTheSameStateWordsAsItsPage_AndFollowsChanges()
    {
        var webhookName = Unique("Pushed orders");
        var apiName = Unique("Pulses listed");
        var webhook = await CreateSourceAsync(new { name = webhookName, connector = "webhook" });
        await CreateSourceAsync(new { name = apiName, credentialId = await CredentialIdAsync(), templateId = "clientsuccess.search-pulses" });

        var list = RenderWithProviders<SourcesPage>();

        list.WaitForAssertion(() => Assert.Contains(webhookName, list.Markup, StringComparison.Ordinal));
        var webhookRow = Row(list, webhookName);
        Assert.Contains("Receiving", webhookRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("Webhook", webhookRow.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/sources/{webhook.GetProperty("id").GetString()}", webhookRow.QuerySelector("a")!.GetAttribute("href"));
        var apiRow = Row(list, apiName);
        Assert.Contains("Paused", apiRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("Search Pulses", apiRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("ClientSuccess", apiRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("Once, when activated", apiRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not run yet", apiRow.TextContent, StringComparison.Ordinal);

        using var client = App.CreateClient();
        await client.PostJsonAsync($"/api/sources/{webhook.GetProperty("id").GetString()}/pause", new { }, 200);

        list.WaitForAssertion(() => Assert.Contains("Paused", Row(list, webhookName).TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RowMenu_ApiSource_OffersEveryActionWithAnAccessibleName()
    {
        var name = Unique("Menu row");
        await CreateSourceAsync(new { name, credentialId = await CredentialIdAsync(), templateId = "clientsuccess.search-contracts" });
        var list = RenderWithProviders<SourcesPage>();
        list.WaitForAssertion(() => Assert.Contains(name, list.Markup, StringComparison.Ordinal));

        var button = Row(list, name).QuerySelector($"button[aria-label='Actions for {name}']")!;
        button.Click();

        Providers.WaitForAssertion(() => Assert.Equal(["Edit", "Activate", "Run now", "Test", "Runs", "Export", "Delete"],
            Providers.FindAll("[role=menuitem]").Select(i => i.TextContent.Trim())));
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<SourcesPage> list, string name) =>
        list.FindAll("[data-testid=sources-table] tbody tr").First(r => r.TextContent.Contains(name, StringComparison.Ordinal));
}
