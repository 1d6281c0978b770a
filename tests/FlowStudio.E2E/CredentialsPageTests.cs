using System.Net.Http.Json;
using System.Text.RegularExpressions;
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

        await page.OpenAsync("/credentials");

        var rows = page.GetByTestId("credentials-table").GetByRole(AriaRole.Row);
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
        await page.OpenAsync("/credentials");

        var clari = page.GetByTestId("credentials-table").GetByRole(AriaRole.Row).Filter(new() { HasText = "Clari Sandbox" });
        await clari.GetByRole(AriaRole.Button, new() { Name = "Test connection Clari Sandbox" }).ClickAsync();

        await Expect(clari.GetByTestId("connection-test")).ToContainTextAsync("Connected");
    }

    [Fact]
    public async Task NewCredential_MissingRequiredKey_ShowsMessageBesideTheFieldAndKeepsWhatWasTyped()
    {
        var page = await OpenNewCredentialDialogAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Connector").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Clari", Exact = true }).ClickAsync();
        await Expect(dialog.GetByLabel("Partner Key")).ToBeVisibleAsync();
        await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync("Clari without key");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save credential" }).ClickAsync();

        var apiKey = dialog.GetByLabel("API Key");
        // Generous: CI runs the browser tests beside the other test projects on two cores.
        await Expect(apiKey).ToHaveAttributeAsync("aria-invalid", "true", new() { Timeout = 20_000 });
        await Expect(dialog).ToContainTextAsync("API Key is required.");
        await Expect(dialog.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Clari without key");
    }

    [Fact]
    public async Task NewCredential_TestThenSave_ListsItMaskedAndNeverShowsTheSecret()
    {
        var name = $"Clari EU {Guid.NewGuid():N}"[..16];
        var page = await OpenNewCredentialDialogAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Connector").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Clari", Exact = true }).ClickAsync();
        await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await dialog.GetByLabel("Base URL").FillAsync("/sandbox/clari");
        await dialog.GetByLabel("API Key").FillAsync("clari-sandbox-key");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Test connection" }).ClickAsync();
        await Expect(dialog.GetByTestId("connection-test")).ToContainTextAsync("Connected");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save credential" }).ClickAsync();

        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"Saved the credential “{name}”");
        var row = page.GetByTestId("credentials-table").GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("••••••••");
        Assert.DoesNotContain("clari-sandbox-key", await page.ContentAsync(), StringComparison.Ordinal);

        await row.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete credential" }).ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync($"Deleted the credential “{name}”");
        await Expect(row).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Edit_NewNameWithSecretsLeftEmpty_KeepsTheSecretsWorking()
    {
        using var client = app.Server.CreateApiClient();
        var created = await client.PostAsJsonAsync("/api/credentials", new
        {
            connector = "clari",
            name = $"Clari edit {Guid.NewGuid():N}"[..18],
            fields = new { baseUrl = "/sandbox/clari", apiKey = "clari-sandbox-key" },
        });
        var credential = await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var (id, name) = (credential.GetProperty("id").GetString()!, credential.GetProperty("name").GetString()!);
        var page = await app.NewPageAsync();
        try
        {
            await page.OpenAsync("/credentials");
            var row = page.GetByTestId("credentials-table").GetByRole(AriaRole.Row).Filter(new() { HasText = name });
            await row.GetByRole(AriaRole.Button, new() { Name = $"Edit {name}" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog.GetByLabel("API Key")).ToHaveValueAsync("");
            await Expect(dialog).ToContainTextAsync("Leave empty to keep it");
            await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync(name + " v2");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save credential" }).ClickAsync();

            var renamed = page.GetByTestId("credentials-table").GetByRole(AriaRole.Row).Filter(new() { HasText = name + " v2" });
            await renamed.GetByRole(AriaRole.Button, new() { Name = $"Test connection {name} v2" }).ClickAsync();
            await Expect(renamed.GetByTestId("connection-test")).ToContainTextAsync("Connected");
        }
        finally
        {
            await client.DeleteAsync($"/api/credentials/{id}");
        }
    }

    [Fact]
    public async Task Delete_CredentialASourceUses_IsRefusedNamingTheSource()
    {
        using var client = app.Server.CreateApiClient();
        var created = await client.PostAsJsonAsync("/api/credentials", new
        {
            connector = "clari",
            name = $"Clari used {Guid.NewGuid():N}"[..18],
            fields = new { baseUrl = "/sandbox/clari", apiKey = "clari-sandbox-key" },
        });
        var credential = await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var (id, name) = (credential.GetProperty("id").GetString()!, credential.GetProperty("name").GetString()!);
        var sourceName = "Audit events " + Guid.NewGuid().ToString("N")[..6];
        var source = await (await client.PostAsJsonAsync("/api/sources", new
        {
            name = sourceName, credentialId = id, manual = new { method = "GET", url = "/v4/audit/events", dataPath = "$.events[*]" },
        })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var page = await app.NewPageAsync();
        try
        {
            await page.OpenAsync("/credentials");
            var row = page.GetByTestId("credentials-table").GetByRole(AriaRole.Row).Filter(new() { HasText = name });

            await row.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();

            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToContainTextAsync($"“{name}” is used by the source “{sourceName}”");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
            await Expect(row).ToHaveCountAsync(1);
        }
        finally
        {
            await client.DeleteAsync($"/api/sources/{source.GetProperty("id").GetString()}");
            await client.DeleteAsync($"/api/credentials/{id}");
        }
    }

    private async Task<IPage> OpenNewCredentialDialogAsync()
    {
        var page = await app.NewPageAsync();
        await page.OpenAsync("/credentials");
        await page.GetByRole(AriaRole.Button, new() { Name = "New Credential" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Heading, new() { Name = "New credential" })).ToBeVisibleAsync();
        return page;
    }
}
