using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E.Sources;

[Collection(BrowserCollection.Name)]
public sealed class SourceEditTests(BrowserApp app)
{
    [Fact]
    public async Task ResourceMenuEdit_SubjectFilterAndBadThenGoodCronInATimeZone_ShowsTheErrorThenThePreviewThenSavesAndReturnsToTheSourcePage()
    {
        await using var api = await SourceApi.StartAsync(app.Server.BaseAddress);
        var credentialId = await api.CredentialIdAsync("ClientSuccess Sandbox");
        var sourceId = await api.CreateTemplateSourceAsync("Pulses to edit", credentialId, "clientsuccess.search-pulses");
        var page = await app.NewPageAsync();
        try
        {
            await page.OpenAsync($"/sources/{sourceId}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Actions" }).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Edit" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex($"/sources/{sourceId}/edit$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Edit Pulses to edit");
            await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Pulses to edit");
            await Expect(page.Select("Endpoint")).ToHaveTextAsync("Search Pulses");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create" })).ToHaveCountAsync(0);

            await page.GetByLabel("Subject").FillAsync("Renewal");
            await page.ChooseAsync("Schedule", "On a cron schedule");
            var cron = page.GetByLabel("Cron expression");
            await cron.FillAsync("every monday");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

            // A bad cron keeps the user on the edit screen with their values and the message beside the field.
            await Expect(cron).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.Locator("#schedule-cron-error")).Not.ToBeEmptyAsync();
            await Expect(page.GetByLabel("Subject")).ToHaveValueAsync("Renewal");
            await Expect(page).ToHaveURLAsync(new Regex($"/sources/{sourceId}/edit$"));

            // As the user types, the expression is said in words with its next runs on the chosen zone's clock.
            await cron.FillAsync("0 6 * * mon-fri");
            var zone = page.GetByLabel("Time zone");
            await zone.FillAsync("America/New_York");
            await page.GetByRole(AriaRole.Option, new() { Name = "America/New_York", Exact = true }).ClickAsync();
            var preview = page.GetByTestId("schedule-preview");
            await Expect(preview.GetByTestId("schedule-words")).ToHaveTextAsync("At 06:00 on Monday through Friday");
            await Expect(preview).ToContainTextAsync("America/New_York time");
            await Expect(preview.Locator("li")).ToHaveCountAsync(5);
            await Expect(preview.Locator("li").First).ToContainTextAsync(new Regex(@"06:00 \(UTC-0[45]:00\)"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex($"/sources/{sourceId}$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pulses to edit");
            var summary = page.GetByTestId("source-summary");
            await Expect(summary).ToContainTextAsync("At 06:00 on Monday through Friday (America/New_York)");
            await Expect(summary.Locator("li")).ToHaveCountAsync(5);
            using var client = app.Server.CreateApiClient();
            using var saved = JsonDocument.Parse(await client.GetStringAsync($"/api/sources/{sourceId}"));
            Assert.Equal("Renewal", saved.RootElement.GetProperty("parameters").GetProperty("subject").GetString());
            Assert.Equal("clientsuccess.search-pulses", saved.RootElement.GetProperty("templateId").GetString());
            Assert.Equal("0 6 * * mon-fri", saved.RootElement.GetProperty("schedule").GetProperty("cron").GetString());
            Assert.Equal("America/New_York", saved.RootElement.GetProperty("schedule").GetProperty("timeZone").GetString());
        }
        finally
        {
            await api.DeleteCreatedSourcesAsync();
        }
    }

    [Fact]
    public async Task Edit_AnotherClientSuccessCredential_SaveReadsWithIt()
    {
        await using var api = await SourceApi.StartAsync(app.Server.BaseAddress);
        using var client = app.Server.CreateApiClient();
        var credentialId = await api.CredentialIdAsync("ClientSuccess Sandbox");
        var secondName = "ClientSuccess backup " + Guid.NewGuid().ToString("N")[..6];
        var second = await client.PostAsync("/api/credentials", JsonContent.Create(new
        {
            connector = "clientsuccess",
            name = secondName,
            fields = new Dictionary<string, string>
            {
                ["baseUrl"] = new Uri(app.Server.BaseAddress, "/sandbox/clientsuccess").ToString(),
                ["apiKey"] = "cs-sandbox-key",
            },
        }));
        Assert.True(second.IsSuccessStatusCode, await second.Content.ReadAsStringAsync());
        var secondId = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        var sourceId = await api.CreateTemplateSourceAsync("Pulses, switchable credential", credentialId, "clientsuccess.search-pulses");
        var page = await app.NewPageAsync();
        try
        {
            await page.OpenAsync($"/sources/{sourceId}/edit");
            var credential = page.Select("Credential");
            await Expect(credential).ToHaveTextAsync("ClientSuccess Sandbox");
            await credential.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Option, new() { Name = "Clari Sandbox" })).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Option, new() { Name = secondName, Exact = true }).ClickAsync();
            await Expect(credential).ToHaveTextAsync(secondName);
            await page.TestButton().ClickAsync();
            await Expect(page.TestResult().GetByTestId("test-result-requests")).ToContainTextAsync("200");

            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex($"/sources/{sourceId}$"));
            await Expect(page.GetByTestId("source-summary")).ToContainTextAsync(secondName);
            using var saved = JsonDocument.Parse(await client.GetStringAsync($"/api/sources/{sourceId}"));
            Assert.Equal(secondId, saved.RootElement.GetProperty("credentialId").GetString());
        }
        finally
        {
            await api.DeleteCreatedSourcesAsync();
            await client.DeleteAsync($"/api/credentials/{secondId}");
        }
    }
}
