using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E.Sources;

[Collection(BrowserCollection.Name)]
public sealed class SourcePagesLayoutTests(BrowserApp app)
{
    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task SourceScreens_PhoneAndDesktopWidths_NoHorizontalScroll(int width)
    {
        await using var api = await SourceApi.StartAsync(app.Server.BaseAddress);
        var credentialId = await api.CredentialIdAsync("ClientSuccess Sandbox");
        var sourceId = await api.CreateTemplateSourceAsync("Contracts for layout", credentialId, "clientsuccess.search-contracts");
        var page = await app.NewPageAsync(width: width);
        try
        {
            string[] paths =
            [
                "/flows/new", "/flows/new?type=flexflow", "/flows/new?type=flexflow&connector=clientsuccess",
                $"/flows/new/source?connector=clientsuccess&credentialId={credentialId}", "/sources", $"/sources/{sourceId}", $"/sources/{sourceId}/edit",
            ];
            foreach (var path in paths)
            {
                await page.GotoAsync(path);
                await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
                if (!path.StartsWith("/flows/new?", StringComparison.Ordinal) && path != "/flows/new")
                {
                    await page.WaitUntilInteractiveAsync();
                }

                var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
                Assert.True(overflow == 0, $"{path} scrolls sideways by {overflow}px at {width}px");
            }
        }
        finally
        {
            await api.DeleteCreatedSourcesAsync();
        }
    }
}
