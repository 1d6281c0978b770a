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

        var rows = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row);
        var clientSuccess = rows.Filter(new() { HasText = "ClientSuccess Sandbox" });
        var clari = rows.Filter(new() { HasText = "Clari Sandbox" });
        await Expect(clientSuccess).ToContainTextAsync("API Key");
        await Expect(clientSuccess).ToContainTextAsync("••••••••");
        await Expect(clari).ToContainTextAsync("Partner Key");
        var html = await page.ContentAsync();
        Assert.All(SeededSecrets, secret => Assert.DoesNotContain(secret, html, StringComparison.Ordinal));
        await Screenshots.SaveAsync(page, "credentials");
    }

    [Fact]
    public async Task TestConnection_ClariSandbox_ShowsConnectedInTheRow()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/credentials");

        var clari = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { HasText = "Clari Sandbox" });
        await clari.GetByRole(AriaRole.Button, new() { Name = "Test connection Clari Sandbox" }).ClickAsync();

        await Expect(clari.GetByTestId("connection-test")).ToContainTextAsync("Connected");
    }

    [Fact]
    public async Task NewCredential_MissingRequiredKey_ShowsMessageBesideTheFieldWithoutReload()
    {
        var page = await OpenNewCredentialFormAsync();
        await page.GetByLabel("Connector").SelectOptionAsync(new SelectOptionValue { Label = "Clari" });
        await Expect(page.GetByLabel("Partner Key")).ToBeVisibleAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Clari without key");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save credential" }).ClickAsync();

        var apiKey = page.GetByLabel("API Key");
        // Generous: CI runs the browser tests beside the other test projects on two cores.
        await Expect(apiKey).ToHaveAttributeAsync("aria-invalid", "true", new() { Timeout = 20_000 });
        await Expect(page.Locator("#credential-field-apiKey-error")).ToHaveTextAsync("API Key is required.");
        await Expect(apiKey).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("API Key is required"));
        await Expect(apiKey).ToBeFocusedAsync();
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Clari without key");
        Assert.True(await page.EvaluateAsync<bool>("window.__notReloaded === true"), "the page reloaded instead of swapping the form");
    }

    [Fact]
    public async Task NewCredential_SaveThenDelete_UpdatesTheListInPlaceAndNeverShowsTheSecret()
    {
        const string token = "rest-bearer-token-0123456789-xyz";
        var name = $"Billing API {Guid.NewGuid():N}"[..20];
        var page = await OpenNewCredentialFormAsync();
        await page.GetByLabel("Connector").SelectOptionAsync(new SelectOptionValue { Label = "REST API" });
        await Expect(page.GetByLabel("Bearer Token")).ToBeVisibleAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Base URL").FillAsync("https://billing.example.com/api");
        await page.GetByLabel("Authentication").SelectOptionAsync("bearer");
        await page.GetByLabel("Bearer Token").FillAsync(token);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save credential" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Saved the credential “{name}”");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("••••••••");
        await Expect(row).Not.ToContainTextAsync("••••••••yz");
        Assert.DoesNotContain(token, await page.ContentAsync(), StringComparison.Ordinal);

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Deleted the credential “{name}”");
        await Expect(row).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("window.__notReloaded === true"), "the page reloaded instead of swapping the list");
    }

    private async Task<IPage> OpenNewCredentialFormAsync()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/credentials", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.EvaluateAsync("window.__notReloaded = true");
        await page.GetByRole(AriaRole.Button, new() { Name = "New Credential" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New credential" })).ToBeVisibleAsync();
        return page;
    }
}
