using System.Net.Http.Json;
using Bunit;
using FlowStudio.Web.Features.Audit;
using FlowStudio.Web.Features.Sources;
using FlowStudio.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Components.Sources;

[Collection(AppCollection.Name)]
public sealed class SourceDetailPageTests(FlowStudioApp app) : SourceScreenTest(app)
{
    private IRenderedComponent<SourceDetailPage> Open(string id)
    {
        var page = RenderWithProviders<SourceDetailPage>(p => p.Add(x => x.Id, id));
        page.WaitForElement("[data-testid=source-summary]");
        return page;
    }

    /// <summary>Opens the resource menu and waits for its items (the popover renders once the page's own loading lets it).</summary>
    private void OpenMenu(IRenderedComponent<SourceDetailPage> page)
    {
        page.Find("[data-testid=source-menu] button").Click();
        Providers.WaitForAssertion(() => Assert.NotEmpty(Providers.FindAll("[role=menuitem]")));
    }

    private void ChooseMenuItem(string text) =>
        Providers.FindAll("[role=menuitem]").First(i => i.TextContent.Trim() == text).Click();

    [Fact]
    public async Task WebhookSource_ShowsReceivingAndItsUrl_AndPauseFromTheMenuShowsPausedAndIsAudited()
    {
        var name = Unique("Shop orders");
        var source = await CreateSourceAsync(new { name, connector = "webhook" });
        var id = source.GetProperty("id").GetString()!;
        var page = Open(id);
        Assert.Equal("Receiving", page.Find("[data-testid=source-status]").TextContent.Trim());
        Assert.Contains("/api/webhooks/", page.Find("[data-testid=source-summary]").TextContent, StringComparison.Ordinal);

        OpenMenu(page);
        Assert.Equal(["Pause", "Runs", "Export", "Delete"], Providers.FindAll("[role=menuitem]").Select(i => i.TextContent.Trim()));
        ChooseMenuItem("Pause");

        page.WaitForAssertion(() => Assert.Equal("Paused", page.Find("[data-testid=source-status]").TextContent.Trim()));
        // The change feed may re-render the status before the pause's own answer shows its message.
        Providers.WaitForAssertion(() => Assert.Contains("refuses records", Providers.Find("#mud-snackbar-container").TextContent, StringComparison.Ordinal));
        Assert.Equal("paused", (await GetSourceAsync(id)).GetProperty("status").GetString());
        var audit = await App.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<IAuditLog>().ListAsync(20, 0, CancellationToken.None);
        Assert.Contains(audit, e => e.ResourceId == id && e.Action == AuditAction.Pause && e.Actor == "ada@example.com" && e.ApiKeyName is null);
    }

    [Fact]
    public async Task ApiSource_RunFromTheApi_ShowsTheRunAndTheRecordsAsTheyArrive()
    {
        var source = await CreateSourceAsync(new { name = Unique("Contracts"), credentialId = await CredentialIdAsync(), templateId = "clientsuccess.search-contracts" });
        var id = source.GetProperty("id").GetString()!;
        var page = Open(id);
        Assert.Equal("Paused", page.Find("[data-testid=source-status]").TextContent.Trim());
        page.WaitForAssertion(() => Assert.Contains("No runs yet", page.Markup, StringComparison.Ordinal));

        using var client = App.CreateClient();
        await client.PostJsonAsync($"/api/sources/{id}/run", new { }, 202);

        // No reload, no timer: the engine's change feed re-renders the page.
        page.WaitForAssertion(() => Assert.Contains("Succeeded", page.Find("[data-testid=source-runs] tbody tr").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));
        page.WaitForAssertion(() => Assert.Matches(@"^\s*120\s+records\s*$", page.Find("[data-testid=dataset-record-count]").TextContent));
    }

    [Fact]
    public async Task Delete_WithADestination_NamesItAndDeletesBothThenGoesToTheList()
    {
        var name = Unique("Accounts feed");
        var source = await CreateSourceAsync(new { name, connector = "webhook" });
        var id = source.GetProperty("id").GetString()!;
        using var client = App.CreateClient();
        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = "Accounts to Clari",
            datasetId = source.GetProperty("datasetId").GetString(),
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new { method = "POST", url = "/v2/ingest/entity/account?mode=incremental&isLastBatch=false" },
        }, 201);
        var page = Open(id);

        OpenMenu(page);
        ChooseMenuItem("Delete");

        Providers.WaitForAssertion(() => Assert.Contains($"Delete “{name}”?", Dialog().TextContent, StringComparison.Ordinal));
        Assert.Equal(["“Accounts to Clari”"], Providers.FindAll("[data-testid=delete-source-destinations] li").Select(l => l.TextContent.Trim()));
        ClickButton(Dialog(), "Delete source and destinations");

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith("/sources", navigation.Uri, StringComparison.Ordinal));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/api/sources/{id}")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/api/destinations/{destination.GetProperty("id").GetString()}")).StatusCode);
    }

    [Fact]
    public async Task TestFromTheMenu_TemplateSource_ShowsSampleRecordsOnThePage()
    {
        var source = await CreateSourceAsync(new { name = Unique("Contracts to test"), credentialId = await CredentialIdAsync(), templateId = "clientsuccess.search-contracts" });
        var page = Open(source.GetProperty("id").GetString()!);

        OpenMenu(page);
        ChooseMenuItem("Test");

        page.WaitForAssertion(() => Assert.Equal(10, page.FindAll("[data-testid=test-result-records] tbody tr").Count), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task TestFromTheMenu_WritingSource_AsksFirst()
    {
        var source = await CreateSourceAsync(new
        {
            name = Unique("Pulse writer"),
            credentialId = await CredentialIdAsync(),
            templateId = "clientsuccess.create-pulse-source",
            parameters = new { clientId = "1" },
        });
        var page = Open(source.GetProperty("id").GetString()!);

        OpenMenu(page);
        ChooseMenuItem("Test");

        Providers.WaitForAssertion(() => Assert.Contains("Test writes to ClientSuccess", Dialog().TextContent, StringComparison.Ordinal));
        ClickButton(Dialog(), "Cancel");
        Providers.WaitForAssertion(() => Assert.Empty(Providers.FindAll(".mud-dialog")));
        Assert.Empty(page.FindAll("[data-testid=test-result]"));
    }
}
