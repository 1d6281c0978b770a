using Bunit;
using FlowStudio.Web.Features.Destinations;
using FlowStudio.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FlowStudio.Web.Tests.Components.Destinations;

[Collection(AppCollection.Name)]
public sealed class SendTestDataTests(FlowStudioApp app) : ComponentTest(app)
{
    [Fact]
    public async Task SendTestData_WritingEndpoint_SaysItWritesAndAsksOnceBeforeSending()
    {
        using var client = App.CreateClient();
        var datasetId = await Flows.ClariAccountsDatasetAsync(client, 30);
        var credentialId = await client.CredentialIdAsync("Clari Sandbox");
        var cut = RenderWithProviders<DestinationEditor>(p => p.Add(e => e.DatasetId, datasetId).Add(e => e.CredentialId, credentialId));
        await cut.EventuallyAsync(() => Assert.NotEmpty(cut.FindAll("[role=tab]")));
        await cut.ChooseAsync(Providers, "Endpoint", "Upload Entity Data");
        await cut.ChooseAsync(Providers, "Entity Type", "Account");
        await cut.WaitForSamplesAsync(1, "30 records");
        var before = await ClariAccountsAsync(client);

        await cut.FindAll("#sample-payloads button").Single(b => b.TextContent.Trim() == "Test").ClickAsync(new MouseEventArgs());

        Assert.Equal("true", cut.FindAll("#sample-payloads button").Single(b => b.TextContent.Trim() == "Test").GetAttribute("aria-pressed"));
        Assert.Contains("writes to Clari", cut.Find("[data-testid=test-writes-warning]").TextContent, StringComparison.Ordinal);

        cut.Find("#sample-0-send").ClickAndLeave();
        await Providers.EventuallyAsync(() => Assert.Contains("writes to the API", Providers.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        await Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").ClickAsync(new MouseEventArgs());

        await Providers.EventuallyAsync(() => Assert.Empty(Providers.FindAll(".mud-dialog")));
        Assert.Empty(cut.FindAll("[data-testid=test-data-result]"));
        Assert.Equal(before, await ClariAccountsAsync(client));

        cut.Find("#sample-0-send").ClickAndLeave();
        await Providers.EventuallyAsync(() => Assert.NotEmpty(Providers.FindAll(".mud-dialog")));
        await Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Send Test Data").ClickAsync(new MouseEventArgs());

        await cut.EventuallyAsync(() => Assert.Equal("200", cut.Find("#sample-0-result [data-testid=test-data-status]").TextContent));
        Assert.Equal(before + 30, await ClariAccountsAsync(client));

        cut.Find("#sample-0-send").ClickAndLeave();

        await DestinationScreens.PollAsync(() => ClariAccountsAsync(client), before + 60);
        Assert.Empty(Providers.FindAll(".mud-dialog"));
    }

    private static async Task<int> ClariAccountsAsync(HttpClient client) =>
        (await Flows.SandboxStateAsync(client)).GetProperty("clari").TryGetProperty("account", out var account) ? account.GetProperty("count").GetInt32() : 0;
}
