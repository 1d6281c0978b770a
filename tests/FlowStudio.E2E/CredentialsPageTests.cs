using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E;

[Collection(BrowserCollection.Name)]
public sealed class CredentialsPageTests(BrowserApp app)
{
    private static readonly string[] SeededSecrets = ["cs-sandbox-key", "clari-sandbox-key", "clari-sandbox-partner"];

    [Fact]
    public async Task Credentials_SandboxSeeded_ListsThemWithSecretsMasked()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/credentials");

        var table = page.GetByRole(AriaRole.Table);
        var clientSuccess = table.GetByRole(AriaRole.Row).Filter(new() { HasText = "ClientSuccess Sandbox" });
        var clari = table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Clari Sandbox" });
        await Expect(clientSuccess).ToContainTextAsync("API Key");
        await Expect(clientSuccess).ToContainTextAsync("••••••••");
        await Expect(clari).ToContainTextAsync("Partner Key");
        var html = await page.ContentAsync();
        Assert.All(SeededSecrets, secret => Assert.DoesNotContain(secret, html, StringComparison.Ordinal));
        await Screenshots.SaveAsync(page, "credentials");
    }
}
