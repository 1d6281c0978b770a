using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E.Destinations;

[Collection(BrowserCollection.Name)]
public sealed class DestinationEditTests(BrowserApp app)
{
    [Fact]
    public async Task EditDestination_BatchSize100To50_PreviewFollowsAndSaveStoresIt()
    {
        using var api = new DestinationApi(app.Server.BaseAddress);
        using var client = app.Server.CreateApiClient();
        var (_, datasetId) = await api.PulsesDatasetAsync();
        var credentialId = await api.CredentialIdAsync("Clari Sandbox");
        var created = await client.PostAsJsonAsync("/api/destinations", new
        {
            name = "Pulses to Clari",
            datasetId,
            credentialId,
            manual = new
            {
                method = "POST",
                contentFormat = "json",
                url = "/v2/ingest/entity/account?mode=incremental",
                batching = new { enabled = true, batchSize = 100, algorithm = "property", propertyName = "records" },
            },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        using var destination = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var destinationId = destination.RootElement.GetProperty("id").GetString()!;
        var page = await app.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add(error);
        try
        {
            await page.OpenAsync($"/destinations/{destinationId}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Actions" }).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Edit" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/destinations/{destinationId}/edit$"));
            await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Advanced" })).ToHaveAttributeAsync("aria-selected", "true");
            await Expect(page.GetByLabel("URL", new() { Exact = true })).ToHaveValueAsync("/v2/ingest/entity/account?mode=incremental");
            var batchSize = page.GetByLabel("Batch Size");
            await Expect(batchSize).ToHaveValueAsync("100");
            await Expect(page.GetByLabel("Property Name")).ToHaveValueAsync("records");

            var propertyName = page.GetByLabel("Property Name");
            await propertyName.FillAsync("");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(page.Locator("#batching-property-name-error")).Not.ToBeEmptyAsync();
            await Expect(propertyName).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page).ToHaveURLAsync(new Regex($"/destinations/{destinationId}/edit$"));
            await Expect(batchSize).ToHaveValueAsync("100");
            await propertyName.FillAsync("records");

            var samples = page.GetByRole(AriaRole.Region, new() { Name = "Sample Payload" }).GetByTestId("sample-payload");
            await Expect(samples.First.GetByTestId("sample-record-count")).ToHaveTextAsync("100 records");
            await batchSize.FillAsync("");
            await batchSize.PressSequentiallyAsync("50");
            await Expect(samples.First.GetByTestId("sample-record-count")).ToHaveTextAsync("50 records");

            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/destinations/{destinationId}$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pulses to Clari");

            using var saved = JsonDocument.Parse(await client.GetStringAsync($"/api/destinations/{destinationId}"));
            var batching = saved.RootElement.GetProperty("manual").GetProperty("batching");
            Assert.Equal(50, batching.GetProperty("batchSize").GetInt32());
            Assert.Empty(problems);
        }
        finally
        {
            await api.DeleteAllAsync();
        }
    }

    [Fact]
    public async Task EditDestination_AnotherClariCredential_SaveSendsWithIt()
    {
        using var api = new DestinationApi(app.Server.BaseAddress);
        using var client = app.Server.CreateApiClient();
        var (_, datasetId) = await api.PulsesDatasetAsync();
        var credentialId = await api.CredentialIdAsync("Clari Sandbox");
        var secondName = "Clari backup " + Guid.NewGuid().ToString("N")[..6];
        var second = await client.PostAsJsonAsync("/api/credentials", new
        {
            connector = "clari",
            name = secondName,
            fields = new Dictionary<string, string>
            {
                ["baseUrl"] = new Uri(app.Server.BaseAddress, "/sandbox/clari").ToString(),
                ["apiKey"] = "clari-sandbox-key",
                ["partnerKey"] = "clari-sandbox-partner",
            },
        });
        Assert.True(second.IsSuccessStatusCode, await second.Content.ReadAsStringAsync());
        var secondId = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        var created = await client.PostAsJsonAsync("/api/destinations", new
        {
            name = "Pulses to Clari, switchable",
            datasetId,
            credentialId,
            manual = new { method = "POST", contentFormat = "json", url = "/v2/ingest/entity/account?mode=incremental", batching = new { enabled = true, batchSize = 100, algorithm = "property", propertyName = "records" } },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var destinationId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        var page = await app.NewPageAsync();
        try
        {
            await page.OpenAsync($"/destinations/{destinationId}/edit");
            var credential = MudSelect.Combobox(page, "Credential");
            await Expect(credential).ToHaveTextAsync("Clari Sandbox");
            await credential.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Option, new() { Name = "Clari Sandbox", Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Option, new() { Name = "ClientSuccess Sandbox" })).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Option, new() { Name = secondName, Exact = true }).ClickAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex($"/destinations/{destinationId}$"));
            using var saved = JsonDocument.Parse(await client.GetStringAsync($"/api/destinations/{destinationId}"));
            Assert.Equal(secondId, saved.RootElement.GetProperty("credentialId").GetString());
            await page.OpenAsync($"/destinations/{destinationId}/edit");
            await Expect(MudSelect.Combobox(page, "Credential")).ToHaveTextAsync(secondName);
        }
        finally
        {
            await api.DeleteAllAsync();
            await client.DeleteAsync($"/api/credentials/{secondId}");
        }
    }
}
