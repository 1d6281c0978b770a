using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E.Flows;

/// <summary>The Flows page as a canvas: pan, zoom and fit with pointer, wheel, buttons and keys, and the node menus by keyboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FlowCanvasTests(BrowserApp app)
{
    [Fact]
    public async Task Flows_NoFlowYet_InvitesANewDataFlow()
    {
        // Every browser test removes what it made, so the shared server starts each test with no flow.
        var page = await app.NewPageAsync();

        await page.OpenAsync("/");

        var empty = page.Locator(".empty-notice");
        await Expect(empty).ToContainTextAsync("No data flows yet");
        await Expect(empty.GetByRole(AriaRole.Link, new() { Name = "New Data Flow" })).ToHaveAttributeAsync("href", "/flows/new");
        await Expect(page.GetByTestId("flow-canvas")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Canvas_PanZoomFitAndANodeMenuByKeyboard()
    {
        using var client = app.Server.CreateApiClient();
        var flow = await CreateFlowAsync(client);
        var page = await app.NewPageAsync();
        try
        {
            await page.OpenAsync("/");
            var canvas = page.GetByTestId("flow-canvas");
            // The canvas takes gestures once its script is attached (after the circuit).
            await Expect(canvas).ToHaveAttributeAsync("data-gestures", "on");
            var destination = canvas.GetByRole(AriaRole.Button, new() { Name = $"Destination {flow.DestinationName}, paused, 0 sent, 3 pending, 0 failed" });
            await Expect(destination).ToBeVisibleAsync();
            await Expect(canvas.Locator(".flow-edge")).Not.ToHaveCountAsync(0);

            // Drag the background: the world moves with the pointer.
            var before = await OriginAsync(page);
            var box = (await canvas.BoundingBoxAsync())!;
            await page.Mouse.MoveAsync(box.X + 8, box.Y + box.Height - 8);
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(box.X + 68, box.Y + box.Height - 48, new() { Steps = 5 });
            await page.Mouse.UpAsync();
            await EventuallyAsync(async () => await OriginAsync(page) == (before.X + 60, before.Y - 40), "the drag moved the world by (60, -40)");

            // The buttons and the wheel zoom; Fit to screen brings everything back in view.
            var zoom = page.GetByTestId("flow-zoom");
            var fitted = await zoom.TextContentAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Zoom in" }).ClickAsync();
            await Expect(zoom).Not.ToHaveTextAsync(fitted!);
            var zoomedIn = await ScaleAsync(page);
            await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
            await page.Mouse.WheelAsync(0, 400);
            await EventuallyAsync(async () => await ScaleAsync(page) < zoomedIn, "the wheel zoomed out");
            await page.GetByRole(AriaRole.Button, new() { Name = "Fit to screen" }).ClickAsync();
            await Expect(zoom).ToHaveTextAsync(fitted!);
            await Expect(destination).ToBeInViewportAsync();

            // With the canvas focused, the arrow keys pan and + zooms.
            await canvas.FocusAsync();
            var atFit = await OriginAsync(page);
            await page.Keyboard.PressAsync("ArrowLeft");
            await EventuallyAsync(async () => (await OriginAsync(page)).X > atFit.X, "ArrowLeft panned the world right");
            await page.Keyboard.PressAsync("+");
            await Expect(zoom).Not.ToHaveTextAsync(fitted!);
            await page.Keyboard.PressAsync("0");
            await Expect(zoom).ToHaveTextAsync(fitted!);

            // Tab reaches the source; the arrows walk the flow; Enter opens the menu; Activate by keyboard.
            var source = canvas.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^Source {Regex.Escape(flow.SourceName)}, ") });
            await page.TabToAsync(source);
            await page.Keyboard.PressAsync("ArrowRight");
            await Expect(canvas.GetByRole(AriaRole.Button, new() { Name = $"Dataset {flow.SourceName}, 3 records" })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("ArrowRight");
            await Expect(destination).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            var activate = page.GetByRole(AriaRole.Menuitem, new() { Name = "Activate" });
            await Expect(activate).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Menuitem).First).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Escape");
            await Expect(activate).ToBeHiddenAsync();
            await Expect(destination).ToBeFocusedAsync();
            await page.Keyboard.PressAsync(" ");
            await Expect(page.GetByRole(AriaRole.Menuitem).First).ToBeFocusedAsync();
            await page.ArrowToAsync(activate);
            await page.Keyboard.PressAsync("Enter");
            // Activating writes to Clari: it asks first.
            var confirm = page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Activate" });
            await page.TabToAsync(confirm);
            await page.Keyboard.PressAsync("Enter");

            // Activating delivers the dataset: the node's status and counts follow as the run reports, without a reload.
            await Expect(canvas.GetByRole(AriaRole.Button, new() { Name = $"Destination {flow.DestinationName}, active, 3 sent, 0 pending, 0 failed" }))
                .ToBeVisibleAsync(new() { Timeout = 30_000 });
        }
        finally
        {
            await client.DeleteAsync($"/api/destinations/{flow.DestinationId}");
            await client.DeleteAsync($"/api/sources/{flow.SourceId}");
        }
    }

    [Fact]
    public async Task Canvas_PulsesSentToClariAndClientSuccess_IsTheReadmePicture()
    {
        using var api = new Destinations.DestinationApi(app.Server.BaseAddress);
        using var client = app.Server.CreateApiClient();
        var page = await app.NewPageAsync(width: 1280, height: 760);
        try
        {
            var (_, datasetId) = await api.PulsesDatasetAsync();
            var clari = await ReadAsync(await client.PostAsJsonAsync("/api/destinations", new
            {
                name = "Pulses to Clari accounts",
                datasetId,
                credentialId = await api.CredentialIdAsync("Clari Sandbox"),
                templateId = "clari.ingest-bulk-entities",
                parameters = new Dictionary<string, string> { ["entityType"] = "account" },
            }));
            await ReadAsync(await client.PostAsJsonAsync("/api/destinations", new
            {
                name = "Pulses as client notes",
                datasetId,
                credentialId = await api.CredentialIdAsync("ClientSuccess Sandbox"),
                templateId = "clientsuccess.create-client-note",
            }));
            // Clari takes each file as a job and fails it in validation (pulses carry no createdAt/updatedAt): the canvas says so.
            var run = await ReadAsync(await client.PostAsJsonAsync($"/api/destinations/{clari.GetProperty("id").GetString()}/run", new { }));
            await api.WaitForRunAsync(run.GetProperty("runId").GetString()!, TimeSpan.FromSeconds(60));

            await page.OpenAsync("/");

            await Expect(page.GetByTestId("flow-canvas").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Destination Pulses to Clari accounts, paused, 0 sent, .*300 failed") }))
                .ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "flows-canvas");
        }
        finally
        {
            await api.DeleteAllAsync();
        }
    }

    [Fact]
    public async Task Canvas_PhoneWidth_FitsOnLoadTopToBottomWithoutSidewaysScroll()
    {
        using var client = app.Server.CreateApiClient();
        var flow = await CreateFlowAsync(client);
        var page = await app.NewPageAsync(width: 390, height: 844);
        try
        {
            await page.OpenAsync("/");

            var canvas = page.GetByTestId("flow-canvas");
            await Expect(canvas).ToHaveAttributeAsync("data-gestures", "on");
            await Expect(canvas).ToHaveClassAsync(new Regex("flow-canvas-narrow"));
            foreach (var id in new[] { flow.SourceId, flow.DatasetId, flow.DestinationId })
            {
                await Expect(canvas.Locator($"[data-node-id='{id}']")).ToBeInViewportAsync();
            }

            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.Equal(0, overflow);
            await page.GetByRole(AriaRole.Button, new() { Name = "Show as a list" }).ClickAsync();
            await Expect(page.GetByTestId("flow-list")).ToContainTextAsync($"Destination {flow.DestinationName}");

            // The dataset's + → Send to Destination, as in the seeds.
            await canvas.Locator($"[data-node-id='{flow.DatasetId}']").ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Send to Destination" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/destinations/new\\?datasetId={flow.DatasetId}$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync("Page not found");
        }
        finally
        {
            await client.DeleteAsync($"/api/destinations/{flow.DestinationId}");
            await client.DeleteAsync($"/api/sources/{flow.SourceId}");
        }
    }

    private sealed record Flow(string SourceId, string SourceName, string DatasetId, string DestinationId, string DestinationName);

    /// <summary>A webhook source holding three account records, and a paused Clari destination for its dataset.</summary>
    private static async Task<Flow> CreateFlowAsync(HttpClient client)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var source = await ReadAsync(await client.PostAsJsonAsync("/api/sources", new { name = $"Shop accounts {suffix}", connector = "webhook" }));
        using (var intake = new HttpRequestMessage(HttpMethod.Post, source.GetProperty("webhookUrl").GetString())
        {
            Content = JsonContent.Create(Enumerable.Range(1, 3).Select(i => new { id = $"acc-{suffix}-{i}", name = $"Account {i}", createdAt = 1700000000000L, updatedAt = 1700000000000L + i })),
        })
        {
            intake.Headers.Add("X-Webhook-Token", source.GetProperty("webhookToken").GetString());
            (await client.SendAsync(intake)).EnsureSuccessStatusCode();
        }

        using var credentials = JsonDocument.Parse(await client.GetStringAsync("/api/credentials"));
        var clari = credentials.RootElement.EnumerateArray().First(c => c.GetProperty("name").GetString() == "Clari Sandbox").GetProperty("id").GetString();
        var datasetId = source.GetProperty("datasetId").GetString()!;
        var destination = await ReadAsync(await client.PostAsJsonAsync("/api/destinations", new
        {
            name = $"Accounts to Clari {suffix}",
            datasetId,
            credentialId = clari,
            templateId = "clari.ingest-bulk-entities",
            parameters = new Dictionary<string, string> { ["entityType"] = "account" },
        }));
        return new Flow(source.GetProperty("id").GetString()!, source.GetProperty("name").GetString()!, datasetId,
            destination.GetProperty("id").GetString()!, destination.GetProperty("name").GetString()!);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<(double X, double Y)> OriginAsync(IPage page)
    {
        var origin = await page.GetByTestId("flow-world").EvaluateAsync<double[]>("el => { const m = new DOMMatrix(getComputedStyle(el).transform); return [m.e, m.f]; }");
        return (Math.Round(origin[0]), Math.Round(origin[1]));
    }

    private static async Task<double> ScaleAsync(IPage page) =>
        double.Parse((await page.GetByTestId("flow-canvas").GetAttributeAsync("data-scale"))!, CultureInfo.InvariantCulture);

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int seconds = 10)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(seconds); !await condition(); await Task.Delay(100))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not seen within {seconds} s: {what}.");
        }
    }
}
