using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FlowStudio.E2E.Sources;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E.Flows;

/// <summary>Add Transform from a dataset on the canvas, build its steps against the live preview, and send its dataset on.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TransformWalkTests(BrowserApp app)
{
    [Fact]
    public async Task AddTransform_FilterAndCompute_PreviewedThenSentToADestination()
    {
        using var client = app.Server.CreateApiClient();
        var (sourceId, name) = await CreateOrdersAsync(client);
        var page = await app.NewPageAsync();
        try
        {
            await page.OpenAsync("/");
            var canvas = page.GetByTestId("flow-canvas");
            await Expect(canvas).ToHaveAttributeAsync("data-gestures", "on");
            await canvas.GetByRole(AriaRole.Button, new() { Name = $"Dataset {name}, 3 records" }).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Add Transform" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/transforms/new\\?datasetId="));
            await page.WaitUntilInteractiveAsync();
            var counts = page.GetByTestId("transform-preview-counts");
            await Expect(counts).ToHaveTextAsync("3 sample records: 3 kept, 0 filtered out, 0 failed");

            await AddStepAsync(page, "Filter records");
            await page.Locator("#step-0-condition-0-field").FillAsync("total");
            await page.ChooseAsync("Operator", "is greater than");
            await page.Locator("#step-0-condition-0-value").FillAsync("1");
            await Expect(counts).ToHaveTextAsync("3 sample records: 2 kept, 1 filtered out, 0 failed");

            await AddStepAsync(page, "Compute field");
            await page.Locator("#step-1-field").FillAsync("double");
            await page.Locator("#step-1-expression").FillAsync("record.total * 2");
            await Expect(page.GetByTestId("transform-preview-2")).ToContainTextAsync("\"double\":6");
            await Screenshots.SaveAsync(page, "transform-editor");

            await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/$"));
            var transform = canvas.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^Transform {Regex.Escape(name)} \\(transformed\\), 2 steps, 2 records$") });
            await Expect(transform).ToBeVisibleAsync();
            await transform.ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Send to Destination" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/destinations/new\\?datasetId=ds_"));
            await Expect(page.GetByText($"{name} (transformed)").First).ToBeVisibleAsync();
        }
        finally
        {
            await client.DeleteAsync($"/api/sources/{sourceId}?cascade=true");
        }
    }

    /// <summary>
    /// Opens Add step and picks <paramref name="kind"/>. One click only: a second click while the menu is still opening on
    /// a loaded machine would close it again, so the menu gets time to appear instead.
    /// </summary>
    private static async Task AddStepAsync(IPage page, string kind)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Add step" }).ClickAsync();
        var item = page.GetByRole(AriaRole.Menuitem, new() { Name = kind });
        await item.WaitForAsync(new() { Timeout = 30_000 });
        await item.ClickAsync();
    }

    private static async Task<(string SourceId, string Name)> CreateOrdersAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/sources", new { name = $"Orders {Guid.NewGuid().ToString("N")[..6]}", connector = "webhook" });
        var source = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.True(response.IsSuccessStatusCode, source.ToString());
        using var intake = new HttpRequestMessage(HttpMethod.Post, source.GetProperty("webhookUrl").GetString())
        {
            Content = JsonContent.Create(Enumerable.Range(1, 3).Select(i => new { id = $"order-{i}", total = i })),
        };
        intake.Headers.Add("X-Webhook-Token", source.GetProperty("webhookToken").GetString());
        (await client.SendAsync(intake)).EnsureSuccessStatusCode();
        return (source.GetProperty("id").GetString()!, source.GetProperty("name").GetString()!);
    }
}
