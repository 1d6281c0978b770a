using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E.Sources;

/// <summary>Set API URL keeps every key a fast typist presses, also while the server is busy with other work.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SourceUrlTypingTests(BrowserApp app)
{
    private const string Url = "/v2/clientNote/search?modifiedAfter={now-1}&modifiedBefore={now}&sortBy=modifiedDate&order=desc&size=50";

    [Fact]
    public async Task SetApiUrl_TypedFastWhileTheServerIsBusy_HoldsAndSavesExactlyWhatWasTyped()
    {
        await using var api = await SourceApi.StartAsync(app.Server.BaseAddress);
        var page = await app.NewPageAsync();
        await page.OpenAsync($"/flows/new/source?connector=clientsuccess&credentialId={await api.CredentialIdAsync("ClientSuccess Sandbox")}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Advanced" }).ClickAsync();
        var url = page.GetByRole(AriaRole.Combobox, new() { Name = "Set API URL" });

        // Typed five times: a field that echoes the server's older value loses keys on some rounds, not on every one.
        await using (var load = ServerLoad.Start(app.Server))
        {
            for (var round = 0; round < 5; round++)
            {
                await url.FillAsync("");
                await url.PressSequentiallyAsync(Url, new() { Delay = 0 });
                await Expect(url).ToHaveValueAsync(Url);
                // Still the same once the server has caught up with every key.
                await page.WaitForTimeoutAsync(1000);
                await Expect(url).ToHaveValueAsync(Url);
            }

            Assert.True(load.Answered > 0, "The server answered no other call while the URL was typed.");
        }

        await Expect(url).ToHaveAttributeAsync("aria-expanded", "false");
        await page.GetByLabel("Set Path to Data in Response").FillAsync("$.data[*]");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Typed fast");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/sources/src_[0-9a-z]+$"));
        await Expect(page.GetByTestId("source-summary")).ToContainTextAsync(Url);
        Assert.Equal(Url, await api.SavedUrlAsync(page.Url[(page.Url.LastIndexOf('/') + 1)..]));
    }
}
