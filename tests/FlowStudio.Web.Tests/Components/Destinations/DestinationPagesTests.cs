using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Bunit;
using FlowStudio.Web.Features.Destinations;
using FlowStudio.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Components.Destinations;

[Collection(AppCollection.Name)]
public sealed class DestinationPagesTests(FlowStudioApp app) : ComponentTest(app)
{
    [Fact]
    public async Task DetailPage_Activate_StatusFollowsAndNoRetryWithoutFailedRecords()
    {
        using var client = App.CreateClient();
        var id = await CreateAsync(client, "Shown " + Guid.NewGuid().ToString("N")[..6]);
        var page = RenderWithProviders<DestinationDetailPage>(p => p.Add(d => d.Id, id));
        await page.EventuallyAsync(() => Assert.Equal("Paused", page.Find("[data-testid=destination-status]").TextContent.Trim()));
        Assert.Contains("/v2/ingest/entity/account", page.Find("[data-testid=destination-config]").TextContent, StringComparison.Ordinal);
        Assert.Equal("0", page.Find("[data-testid=count-sent]").TextContent);
        await page.WaitForSamplesAsync(1, "12 records");

        var items = await OpenMenuAsync(page);
        Assert.Equal(["Activate", "Run now", "Edit", "Send Test Data", "Dry run", "Runs", "Delete"], items);

        await Providers.FindAll("[role=menuitem]").Single(i => i.TextContent.Trim() == "Activate").ClickAsync(new MouseEventArgs());

        await page.EventuallyAsync(() => Assert.Equal("Active", page.Find("[data-testid=destination-status]").TextContent.Trim()));
        Assert.Equal("active", JsonDocument.Parse(await client.GetStringAsync($"/api/destinations/{id}")).RootElement.GetProperty("status").GetString());
        await page.EventuallyAsync(() => Assert.Equal("12", page.Find("[data-testid=count-sent]").TextContent));
    }

    [Fact]
    public async Task NewDestination_CredentialCreatedInTheDialog_IsChosenWithoutLeavingTheStep()
    {
        using var client = App.CreateClient();
        var datasetId = await Flows.ClariAccountsDatasetAsync(client, 12);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var step = $"/destinations/new?datasetId={datasetId}&connector=clari";
        navigation.NavigateTo(step);
        var page = RenderWithProviders<NewDestinationPage>();
        await page.EventuallyAsync(() => Assert.NotEmpty(page.FindAll("input[type=radio]")));
        var name = "Clari US " + Guid.NewGuid().ToString("N")[..6];

        // Click, not ClickAsync: the handler waits for the dialog's result, which comes only once the dialog is saved below.
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Create a new Clari credential").Click();
        Providers.WaitForAssertion(() => Assert.Contains("Connector: Clari", Providers.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        Providers.Find("#credential-name").Change(name);
        Providers.Find("#credential-field-apiKey").Change("clari-us-key-0002");
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Save credential").Click();

        await page.EventuallyAsync(() =>
        {
            var chosen = page.FindAll("input[type=radio]").Single(r => r.HasAttribute("checked"));
            Assert.Contains(name, chosen.Closest(".mb-2")!.TextContent, StringComparison.Ordinal);
        });
        Assert.EndsWith(step, navigation.Uri, StringComparison.Ordinal);
        Assert.DoesNotContain("clari-us-key-0002", page.Markup, StringComparison.Ordinal);
        await page.FindAll("button").Single(b => b.TextContent.Trim() == "Next").ClickAsync(new MouseEventArgs());
        var credentialId = (await client.GetFromJsonAsync<JsonElement>("/api/credentials")).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name).GetProperty("id").GetString();
        Assert.EndsWith($"{step}&credentialId={credentialId}", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetailPage_Delete_AsksFirstNamingWhatGoesAndWhatStays()
    {
        using var client = App.CreateClient();
        var name = "Doomed " + Guid.NewGuid().ToString("N")[..6];
        var id = await CreateAsync(client, name);
        var page = RenderWithProviders<DestinationDetailPage>(p => p.Add(d => d.Id, id));
        await page.EventuallyAsync(() => Assert.Equal(name, page.Find("h1").TextContent));

        await OpenMenuAsync(page);
        await ChooseAndLeaveAsync("Delete");
        await Providers.EventuallyAsync(() => Assert.Contains("The dataset and its records stay", Providers.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        Assert.Contains($"Delete “{name}”?", Providers.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        Assert.Contains("0 sent, 0 failed", Providers.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        await Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").ClickAsync(new MouseEventArgs());
        await Providers.EventuallyAsync(() => Assert.Empty(Providers.FindAll(".mud-dialog")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/destinations/{id}")).StatusCode);

        await OpenMenuAsync(page);
        await ChooseAndLeaveAsync("Delete");
        await Providers.EventuallyAsync(() => Assert.NotEmpty(Providers.FindAll(".mud-dialog")));
        await Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Delete destination").ClickAsync(new MouseEventArgs());

        var navigation = Services.GetRequiredService<NavigationManager>();
        await page.EventuallyAsync(() => Assert.EndsWith("/destinations", navigation.Uri, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/destinations/{id}")).StatusCode);
    }

    [Fact]
    public async Task ListPage_ChangeThroughTheApi_IsPushedToTheOpenPage()
    {
        using var client = App.CreateClient();
        var name = "Listed " + Guid.NewGuid().ToString("N")[..6];
        var id = await CreateAsync(client, name);
        var page = RenderWithProviders<DestinationsPage>();
        await page.EventuallyAsync(() => Assert.Contains(page.FindAll("[data-testid=destinations-table] tbody tr"), r => r.TextContent.Contains(name, StringComparison.Ordinal)));

        await client.PostJsonAsync($"/api/destinations/{id}/activate", new { }, 200);

        await page.EventuallyAsync(() =>
        {
            var row = page.FindAll("[data-testid=destinations-table] tbody tr").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal));
            Assert.Contains("Active", row.QuerySelector(".status-chip")!.TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task EditorSave_Untouched_KeepsEverySettingTheApiSet()
    {
        using var client = App.CreateClient();
        var datasetId = await Flows.ClariAccountsDatasetAsync(client, 12);
        var created = await client.PostJsonAsync("/api/destinations", new
        {
            name = "Set by the API " + Guid.NewGuid().ToString("N")[..6],
            datasetId,
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            templateId = "clari.upload-entity-data",
            parameters = new Dictionary<string, string> { ["entityType"] = "Account", ["isLastBatch"] = "false" },
            excludeAttributes = new[] { "name" },
        }, 201);
        var id = created.GetProperty("id").GetString()!;
        var editor = RenderWithProviders<DestinationEditor>(p => p.Add(e => e.DestinationId, id));
        await editor.WaitForSamplesAsync(1, "12 records");
        Assert.Equal("Account", editor.Shown("Entity Type"));
        Assert.Equal(["name"], editor.FindAll("[data-testid=excluded-attributes] code").Select(c => c.TextContent));

        await editor.Find("#destination-save").ClickAsync(new MouseEventArgs());

        var navigation = Services.GetRequiredService<NavigationManager>();
        await editor.EventuallyAsync(() => Assert.EndsWith($"/destinations/{id}", navigation.Uri, StringComparison.Ordinal));
        var saved = JsonDocument.Parse(await client.GetStringAsync($"/api/destinations/{id}")).RootElement;
        Assert.Equal(["name"], saved.GetProperty("excludeAttributes").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("false", saved.GetProperty("parameters").GetProperty("isLastBatch").GetString());
        Assert.Equal("Account", saved.GetProperty("parameters").GetProperty("entityType").GetString());
    }

    [Fact]
    public async Task DetailPage_DryRun_ShowsCountsAndRequestsAndSendsNothing()
    {
        using var client = App.CreateClient();
        var id = await CreateAsync(client, "Rehearsed " + Guid.NewGuid().ToString("N")[..6]);
        var page = RenderWithProviders<DestinationDetailPage>(p => p.Add(d => d.Id, id));
        await page.EventuallyAsync(() => Assert.Equal("Paused", page.Find("[data-testid=destination-status]").TextContent.Trim()));
        await OpenMenuAsync(page);

        await ChooseAndLeaveAsync("Dry run");

        await Providers.EventuallyAsync(() => Assert.NotEmpty(Providers.FindAll("[data-testid=dry-run-summary]")));
        Assert.Contains("1 request for 12 pending records", Providers.Find("[data-testid=dry-run-summary]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Remote state unknown: 12", Providers.Find("[data-testid=dry-run-count-unknown]").TextContent.Trim());
        Assert.Contains("Clari ingest", Providers.Find("[data-testid=dry-run-note]").TextContent, StringComparison.Ordinal);
        Assert.Contains("/v2/ingest/entity/account", Providers.Find("[data-testid=dry-run-request]").TextContent, StringComparison.Ordinal);
        Assert.Equal("0", page.Find("[data-testid=count-sent]").TextContent);
        Assert.Empty(JsonDocument.Parse(await client.GetStringAsync($"/api/runs?resourceId={id}")).RootElement.EnumerateArray());

        await Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Close").ClickAsync(new MouseEventArgs());

        await Providers.EventuallyAsync(() => Assert.Empty(Providers.FindAll("[data-testid=dry-run-dialog]")));
    }

    private async Task<List<string>> OpenMenuAsync<T>(IRenderedComponent<T> page)
        where T : IComponent
    {
        // Found and clicked in one go on the renderer: the change feed may re-render the page in between.
        await page.InvokeAsync(() => page.Find("[data-testid=destination-menu] button").ClickAsync(new MouseEventArgs()));
        await Providers.EventuallyAsync(() => Assert.NotEmpty(Providers.FindAll("[role=menuitem]")));
        return Providers.FindAll("[role=menuitem]").Select(i => i.TextContent.Trim()).ToList();
    }

    /// <summary>Clicks the menu item <paramref name="text"/> found on the renderer, without waiting for the dialog it opens.</summary>
    private Task ChooseAndLeaveAsync(string text) =>
        Providers.InvokeAsync(() => Providers.FindAll("[role=menuitem]").Single(i => i.TextContent.Trim() == text).ClickAndLeave());

    private static async Task<string> CreateAsync(HttpClient client, string name)
    {
        var created = await client.PostJsonAsync("/api/destinations", new
        {
            name,
            datasetId = await Flows.ClariAccountsDatasetAsync(client, 12),
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new
            {
                url = "/v2/ingest/entity/account?mode=incremental",
                batching = new { enabled = true, batchSize = 100, algorithm = "code", code = "function group(records) { return [{ sourceEntity: 'account', records }]; }" },
            },
        }, 201);
        return created.GetProperty("id").GetString()!;
    }
}
