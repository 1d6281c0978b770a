using System.Text.Json;
using Bunit;
using FlowStudio.Web.Features.Destinations;
using FlowStudio.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FlowStudio.Web.Tests.Components.Destinations;

[Collection(AppCollection.Name)]
public sealed class DestinationEditorTests(FlowStudioApp app) : ComponentTest(app)
{
    private const string ToAccounts = "function group(records) {\n  return { accounts: records.map(r => ({ id: 'cs-' + r.id })) };\n}";

    [Fact]
    public async Task SamplePayload_BatchSizeChanged_FollowsWithSmallerBatches()
    {
        var cut = await AdvancedEditorAsync();
        await cut.WaitForSamplesAsync(3, "100 records");

        await cut.Find("#batching-size").InputAsync(new ChangeEventArgs { Value = "50" });

        await cut.WaitForSamplesAsync(5, "50 records");
        Assert.Contains("The first 5 payloads", cut.Find("[data-testid=sample-summary]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SamplePayload_AttributeExcluded_LeavesItOutOfEveryBody()
    {
        var cut = await AdvancedEditorAsync();
        await cut.WaitForSamplesAsync(3);
        Assert.Contains("\"siteUrl\"", cut.Samples()[0].QuerySelector("pre")!.TextContent, StringComparison.Ordinal);

        await cut.ChooseAsync(Providers, "Exclude Attributes", "siteUrl (string)");

        await cut.EventuallyAsync(() =>
        {
            Assert.Equal("false", cut.Find("#sample-payloads").GetAttribute("aria-busy"));
            Assert.All(cut.Samples(), s => Assert.DoesNotContain("\"siteUrl\"", s.QuerySelector("pre")!.TextContent, StringComparison.Ordinal));
        });
        Assert.Equal(["siteUrl"], cut.FindAll("[data-testid=excluded-attributes] code").Select(c => c.TextContent));

        await cut.Find("button[aria-label='Remove siteUrl']").ClickAsync(new MouseEventArgs());

        await cut.EventuallyAsync(() => Assert.Contains("\"siteUrl\"", cut.Samples()[0].QuerySelector("pre")!.TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=excluded-attributes]"));
    }

    [Fact]
    public async Task SamplePayload_GroupingCodeEdited_BodiesAreWhatGroupReturns()
    {
        var cut = await AdvancedEditorAsync();
        await cut.WaitForSamplesAsync(3);

        await cut.ChooseAsync(Providers, "Grouping Algorithm", "Code");
        await cut.TypeCodeAsync("batching-code", ToAccounts);

        await cut.EventuallyAsync(() =>
        {
            Assert.Equal("false", cut.Find("#sample-payloads").GetAttribute("aria-busy"));
            var body = JsonDocument.Parse(cut.Samples()[0].QuerySelector("pre")!.TextContent).RootElement;
            Assert.Equal(100, body.GetProperty("accounts").GetArrayLength());
            Assert.StartsWith("cs-", body.GetProperty("accounts")[0].GetProperty("id").GetString(), StringComparison.Ordinal);
        });

        await cut.TypeCodeAsync("batching-code", "function group(records) {\n  return [;\n}");

        await cut.EventuallyAsync(() => Assert.Contains("line 2", cut.Find("#batching-code-error").TextContent, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(cut.Samples());
        Assert.Equal("#batching-code", cut.Find("[data-testid=sample-problems] a").GetAttribute("href"));
    }

    [Fact]
    public async Task SamplePayload_WhileRecalculating_StaysInViewMarkedStaleAndBusy()
    {
        // A long pause before the rebuild, so the test surely looks while the panel waits.
        var cut = await AdvancedEditorAsync(refreshDelayMs: 3000);
        await cut.WaitForSamplesAsync(3);
        Assert.Contains("sticky-panel", cut.Find("#sample-payloads").ClassList);

        await cut.Find("#batching-size").InputAsync(new ChangeEventArgs { Value = "25" });

        // Within the pause before the rebuild: the old payloads are still there, marked as such.
        await cut.EventuallyAsync(() =>
        {
            Assert.Equal("true", cut.Find("#sample-payloads").GetAttribute("aria-busy"));
            Assert.Contains("recalculating", cut.Find(".sample-output").ClassList);
            Assert.NotNull(cut.Find("[data-testid=sample-recalculating][role=progressbar]"));
            Assert.Equal(3, cut.Samples().Count);
        });

        await cut.WaitForSamplesAsync(5, "25 records");
        Assert.DoesNotContain("recalculating", cut.Find(".sample-output").ClassList);
        Assert.Empty(cut.FindAll("[data-testid=sample-recalculating]"));
    }

    [Fact]
    public async Task Errors_SeveralSettingsWrong_EachShowsBesideItsFieldAtOnce()
    {
        var cut = await AdvancedEditorAsync(propertyName: "");

        await cut.Find("#destination-headers").InputAsync(new ChangeEventArgs { Value = "X-Batch nightly," });
        await cut.Find("#destination-url").InputAsync(new ChangeEventArgs { Value = "" });

        await cut.EventuallyAsync(() =>
        {
            Assert.Contains("URL is required", cut.Find("#destination-url-error").TextContent, StringComparison.Ordinal);
            Assert.Contains("/v2/ingest/entity/account", cut.Find("#destination-url-error").TextContent, StringComparison.Ordinal);
            Assert.Contains("no colon", cut.Find("#destination-headers-error").TextContent, StringComparison.Ordinal);
            Assert.Contains("Property Name is required", cut.Find("#batching-property-name-error").TextContent, StringComparison.Ordinal);
        });
        Assert.Equal("true", cut.Find("#destination-url").GetAttribute("aria-invalid"));
        Assert.Equal("destination-url-error", cut.Find("#destination-url").GetAttribute("aria-describedby"));
        Assert.Equal(["Property Name", "Request Headers", "URL"],
            cut.FindAll("[data-testid=sample-problems] a").Select(a => a.TextContent).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Done_WithProblems_KeepsWhatWasTypedAndSavesNothing()
    {
        var cut = await AdvancedEditorAsync(propertyName: "");
        var name = "Kept " + Guid.NewGuid().ToString("N")[..6];
        await cut.Find("#destination-name").InputAsync(new ChangeEventArgs { Value = name });

        await cut.Find("#destination-done").ClickAsync(new MouseEventArgs());

        await cut.EventuallyAsync(() => Assert.Contains("Property Name is required", cut.Find("#batching-property-name-error").TextContent, StringComparison.Ordinal));
        Assert.Equal(name, cut.Find("#destination-name").GetAttribute("value"));
        Assert.Equal("/v2/ingest/entity/account", cut.TypedText("destination-url"));
        Assert.Equal("100", cut.Find("#batching-size").GetAttribute("value"));
        using var client = App.CreateClient();
        Assert.DoesNotContain(name, await client.GetStringAsync("/api/destinations"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_RequiredParameterMissing_SaysSoBesideItUntilChosen()
    {
        using var client = App.CreateClient();
        var datasetId = await Flows.ClariAccountsDatasetAsync(client, 120);
        var cut = RenderEditor(datasetId, await client.CredentialIdAsync("Clari Sandbox"));
        await cut.EventuallyAsync(() => Assert.Equal(["Template", "Advanced"], cut.FindAll("[role=tab]").Select(t => t.TextContent.Trim())));

        await cut.ChooseAsync(Providers, "Endpoint", "Ingest Bulk Entities");

        await cut.EventuallyAsync(() => Assert.Contains("Entity Type is required", cut.Find("#param-entityType-error").TextContent, StringComparison.Ordinal));
        Assert.Equal("Default (Upsert)", cut.Shown("Mode"));
        Assert.Contains("up to 100 records per call, uploaded as a JSON file", cut.Find("[data-testid=template-description]").TextContent, StringComparison.Ordinal);

        await cut.ChooseAsync(Providers, "Entity Type", "Account");

        await cut.WaitForSamplesAsync(2, "100 records");
        Assert.Empty(cut.FindAll("#param-entityType-error"));
        Assert.Contains("/v2/ingest/bulk/entity/account?mode=incremental&isLastBatch=true", cut.Samples()[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContentFormat_CsvChosen_RefusesPropertyGroupingThenShowsCsvBodies()
    {
        var cut = await AdvancedEditorAsync();
        await cut.WaitForSamplesAsync(3);

        await cut.ChooseAsync(Providers, "Content Format", "CSV");

        await cut.EventuallyAsync(() => Assert.Contains("choose the JSON Array grouping", cut.Find("#batching-algorithm-error").TextContent, StringComparison.Ordinal));
        Assert.Contains("Sent as text/csv", cut.Markup, StringComparison.Ordinal);

        await cut.ChooseAsync(Providers, "Grouping Algorithm", "JSON Array");

        await cut.EventuallyAsync(() =>
        {
            Assert.Equal("false", cut.Find("#sample-payloads").GetAttribute("aria-busy"));
            var body = cut.Samples()[0].QuerySelector("pre")!.TextContent;
            Assert.StartsWith("id,", body, StringComparison.Ordinal);
            Assert.True(body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 100, body);
        });
        Assert.Empty(cut.FindAll("#batching-algorithm-error"));
    }

    [Fact]
    public async Task ContentFormat_Picker_OffersEveryFormat()
    {
        var cut = await AdvancedEditorAsync();

        await cut.Combobox("Content Format").Closest("div.mud-input-control")!.MouseDownAsync(new MouseEventArgs());

        await Providers.EventuallyAsync(() => Assert.Equal(
            ["JSON", "XML", "Form (URL-encoded)", "CSV", "NDJSON"],
            Providers.FindAll("[role=option]").Select(o => o.TextContent.Trim())));
    }

    private async Task<IRenderedComponent<DestinationEditor>> AdvancedEditorAsync(string propertyName = "records", int refreshDelayMs = 300)
    {
        using var client = App.CreateClient();
        var cut = RenderEditor(await Flows.ClientsDatasetAsync(client), await client.CredentialIdAsync("Clari Sandbox"), refreshDelayMs);
        await cut.EventuallyAsync(() => Assert.NotEmpty(cut.FindAll("[role=tab]")));
        await cut.TabAsync("Advanced");
        await cut.Find("#destination-url").InputAsync(new ChangeEventArgs { Value = "/v2/ingest/entity/account" });
        await cut.Find("input.mud-checkbox-input").ChangeAsync(new ChangeEventArgs { Value = true });
        await cut.Find("#batching-property-name").InputAsync(new ChangeEventArgs { Value = propertyName });
        return cut;
    }

    private IRenderedComponent<DestinationEditor> RenderEditor(string datasetId, string credentialId, int refreshDelayMs = 300) =>
        RenderWithProviders<DestinationEditor>(p => p.Add(e => e.DatasetId, datasetId).Add(e => e.CredentialId, credentialId).Add(e => e.RefreshDelayMs, refreshDelayMs));
}
