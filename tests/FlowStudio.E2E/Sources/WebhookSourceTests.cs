using System.Net;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E.Sources;

[Collection(BrowserCollection.Name)]
public sealed class WebhookSourceTests(BrowserApp app)
{
    [Fact]
    public async Task NewDataFlow_WebhookTile_CreatesSourceWhoseUrlAndTokenAcceptRecords()
    {
        await using var api = await SourceApi.StartAsync(app.Server.BaseAddress);
        var page = await app.NewPageAsync();
        try
        {
            await page.OpenAsync("/flows/new?type=flexflow");
            await page.GetByRole(AriaRole.Link, new() { Name = "Webhook", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
            await Expect(page.GetByLabel("Name")).ToHaveAttributeAsync("aria-invalid", "true");
            await page.GetByLabel("Name").FillAsync("Orders from the shop");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

            var created = page.GetByTestId("webhook-created");
            await Expect(created).ToContainTextAsync("Webhook source “Orders from the shop” created");
            var url = (await created.GetByTestId("webhook-url").TextContentAsync())!.Trim();
            var token = (await created.GetByTestId("webhook-token").TextContentAsync())!.Trim()["X-Webhook-Token: ".Length..];
            using var client = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent("""[{"id": 1, "total": 42.5}, {"id": 2, "total": 7}]""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Webhook-Token", token);
            Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(request)).StatusCode);

            await created.GetByRole(AriaRole.Link, new() { Name = "Open the source" }).ClickAsync();
            await page.WaitUntilInteractiveAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Orders from the shop");
            await Expect(page.GetByTestId("source-status")).ToHaveTextAsync("Receiving");
            await Expect(page.GetByTestId("dataset-record-count")).ToContainTextAsync("2 records");
            await Expect(page.GetByTestId("source-summary")).ToContainTextAsync("/api/webhooks/");
            Assert.DoesNotContain(token, await page.ContentAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await api.DeleteCreatedSourcesAsync();
        }
    }
}
