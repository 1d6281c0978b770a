using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E.Destinations;

[Collection(BrowserCollection.Name)]
public sealed class DestinationDryRunTests(BrowserApp app)
{
    [Fact]
    public async Task DryRun_FromResourceMenu_ShowsCreatedUpdatedUnchangedAndTheSandboxGetsOnlyGets()
    {
        using var api = new DestinationApi(app.Server.BaseAddress);
        using var client = app.Server.CreateApiClient();
        using var sandbox = new HttpClient { BaseAddress = app.Server.BaseAddress };
        sandbox.DefaultRequestHeaders.Add("X-API-Key", "cs-sandbox-key");
        var existing = JsonNode.Parse(await sandbox.GetStringAsync("/sandbox/clientsuccess/v2/contact/search?page=0&size=2"))!["data"]!.AsArray();
        JsonObject Contact(int i, string? firstName, string? email = null) => new()
        {
            ["clientId"] = existing[i]!["clientId"]?.DeepClone(),
            ["email"] = email ?? existing[i]!["email"]?.DeepClone(),
            ["firstName"] = firstName,
            ["lastName"] = existing[i]!["lastName"]?.DeepClone(),
        };
        var records = new[]
        {
            Contact(0, existing[0]!["firstName"]?.GetValue<string>()),
            Contact(1, "Renamed in E2E"),
            Contact(0, "New", $"e2e-{Guid.NewGuid():N}@example.test"),
        };
        var source = await PostAsync(client, "/api/sources", new { name = "Contacts to upsert", connector = "webhook" });
        using (var intake = new HttpRequestMessage(HttpMethod.Post, source.GetProperty("webhookUrl").GetString()) { Content = JsonContent.Create(records) })
        {
            intake.Headers.Add("X-Webhook-Token", source.GetProperty("webhookToken").GetString());
            (await client.SendAsync(intake)).EnsureSuccessStatusCode();
        }

        var destination = await PostAsync(client, "/api/destinations", new
        {
            name = "Upsert contacts",
            datasetId = source.GetProperty("datasetId").GetString(),
            credentialId = await api.CredentialIdAsync("ClientSuccess Sandbox"),
            sync = new { objectType = "Contact", mode = "Upsert" },
        });
        var destinationId = destination.GetProperty("id").GetString()!;
        var seen = JsonDocument.Parse(await client.GetStringAsync("/sandbox/_requests")).RootElement.EnumerateArray().Select(r => r.GetProperty("seq").GetInt64()).DefaultIfEmpty().Max();
        var page = await app.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add(error);
        try
        {
            await page.OpenAsync($"/destinations/{destinationId}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Actions" }).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Dry run" }).ClickAsync();

            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog.GetByTestId("dry-run-summary")).ToContainTextAsync("The next run would send 3 requests for 3 pending records");
            await Expect(dialog.GetByTestId("dry-run-count-created")).ToHaveTextAsync("Would be created: 1");
            await Expect(dialog.GetByTestId("dry-run-count-updated")).ToHaveTextAsync("Would be updated: 1");
            await Expect(dialog.GetByTestId("dry-run-count-unchanged")).ToHaveTextAsync("Unchanged: 1");
            await Expect(dialog.GetByTestId("dry-run-samples-updated")).ToContainTextAsync("\"Renamed in E2E\"");
            await Expect(dialog.GetByTestId("dry-run-request").First).ToContainTextAsync("POST /v2/contact/upsert");
            await Screenshots.SaveAsync(page, "destination-dry-run");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            var received = JsonDocument.Parse(await client.GetStringAsync($"/sandbox/_requests?after={seen}")).RootElement.EnumerateArray()
                .Where(r => r.GetProperty("path").GetString()!.StartsWith("/sandbox/clientsuccess/v2/contact", StringComparison.Ordinal)).ToList();
            Assert.Equal(3, received.Count);
            Assert.All(received, r => Assert.Equal("GET", r.GetProperty("method").GetString()));
            Assert.Empty(problems);
        }
        finally
        {
            await api.DeleteAllAsync();
        }
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
