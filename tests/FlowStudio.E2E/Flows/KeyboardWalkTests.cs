using System.Text.RegularExpressions;
using FlowStudio.E2E.Destinations;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E.Flows;

/// <summary>The seed's main path with the keyboard alone: Tab to reach each control, Enter, Space and typing to use it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardWalkTests(BrowserApp app)
{
    [Fact]
    public async Task SearchPulsesToClariIngestBulkEntities_CreatedRunAndActivated_WithTheKeyboardOnly()
    {
        using var api = new DestinationApi(app.Server.BaseAddress);
        var page = await app.NewPageAsync();
        try
        {
            await page.OpenAsync("/flows/new");
            await page.TabToAsync(page.GetByRole(AriaRole.Radio, new() { Name = "FlexFlow" }));
            await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "FlexFlow" })).ToBeCheckedAsync();
            await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Create" }));
            await page.Keyboard.PressAsync("Enter");

            await page.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "ClientSuccess", Exact = true }));
            await page.Keyboard.PressAsync("Enter");

            var sandbox = page.GetByRole(AriaRole.Radio, new() { Name = "ClientSuccess Sandbox" });
            await page.TabToAsync(sandbox);
            await page.Keyboard.PressAsync("Space");
            await Expect(sandbox).ToBeCheckedAsync();
            await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Next" }));
            await page.Keyboard.PressAsync("Enter");

            await page.WaitUntilInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New ClientSuccess source");
            var endpoint = page.GetByRole(AriaRole.Combobox, new() { Name = "Endpoint", Exact = true });
            await page.TabToAsync(endpoint);
            // The first ArrowDown opens the list, the next one highlights its first endpoint, Enter chooses it.
            await page.Keyboard.PressAsync("ArrowDown");
            await Expect(page.GetByRole(AriaRole.Option, new() { Name = "Search Pulses", Exact = true })).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("Enter");
            await Expect(endpoint).ToHaveTextAsync("Search Pulses");
            await Expect(page.GetByLabel("Client ID")).ToBeVisibleAsync();

            await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Test", Exact = true }));
            await page.Keyboard.PressAsync("Enter");
            var panel = page.GetByRole(AriaRole.Region, new() { Name = "Endpoint Test Result" });
            await Expect(panel.GetByTestId("test-result-summary")).ToContainTextAsync("50 sample records");

            var name = page.GetByLabel("Name", new() { Exact = true });
            await page.TabToAsync(name);
            await page.Keyboard.TypeAsync("Pulses by keyboard");
            await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Create" }));
            await page.Keyboard.PressAsync("Enter");

            await Expect(page).ToHaveURLAsync(new Regex("/sources/src_[0-9a-z]+$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pulses by keyboard");
            await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Actions" }));
            await page.Keyboard.PressAsync("Enter");
            var runNow = page.GetByRole(AriaRole.Menuitem, new() { Name = "Run now" });
            await Expect(runNow).ToBeVisibleAsync();
            await page.ArrowToAsync(runNow);
            await page.Keyboard.PressAsync("Enter");

            await Expect(page.GetByTestId("dataset-record-count")).ToHaveTextAsync(new Regex(@"^\s*300\s+records\s*$"), new() { Timeout = 30_000 });

            // The dataset's "+" → Send to Destination → Clari → Clari Sandbox → Next.
            await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Add a step after this dataset" }));
            await page.Keyboard.PressAsync("Enter");
            var sendTo = page.GetByRole(AriaRole.Menuitem, new() { Name = "Send to Destination" });
            await Expect(sendTo).ToBeVisibleAsync();
            await page.ArrowToAsync(sendTo);
            await page.Keyboard.PressAsync("Enter");
            await page.WaitUntilInteractiveAsync();
            await page.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Clari", Exact = true }));
            await page.Keyboard.PressAsync("Enter");
            var clari = page.GetByRole(AriaRole.Radio, new() { Name = "Clari Sandbox" });
            await page.TabToAsync(clari);
            await page.Keyboard.PressAsync("Space");
            await Expect(clari).ToBeCheckedAsync();
            await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Next" }));
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New Clari destination");

            // Template: Ingest Bulk Entities for accounts (typing an initial picks the option, Enter closes the list); the Sample Payload panel follows; Done.
            var destinationEndpoint = page.GetByRole(AriaRole.Combobox, new() { Name = "Endpoint", Exact = true });
            await page.TabToAsync(destinationEndpoint);
            await page.Keyboard.TypeAsync("I");
            await page.Keyboard.PressAsync("Enter");
            await Expect(destinationEndpoint).ToHaveTextAsync("Ingest Bulk Entities");
            var entityType = page.GetByRole(AriaRole.Combobox, new() { Name = "Entity Type", Exact = true });
            await page.TabToAsync(entityType);
            await page.Keyboard.TypeAsync("A");
            await page.Keyboard.PressAsync("Enter");
            await Expect(entityType).ToHaveTextAsync("Account");
            var samples = page.GetByRole(AriaRole.Region, new() { Name = "Sample Payload" }).GetByTestId("sample-payload");
            await Expect(samples).ToHaveCountAsync(3);
            await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Done" }));
            await page.Keyboard.PressAsync("Enter");

            // Activate from the resource menu: the run follows Clari's jobs, which fail in validation (pulses carry no
            // createdAt/updatedAt), and says so: 300 failed.
            await Expect(page).ToHaveURLAsync(new Regex("/destinations/dst_[0-9a-z]+$"));
            await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Actions" }));
            await page.Keyboard.PressAsync("Enter");
            var activate = page.GetByRole(AriaRole.Menuitem, new() { Name = "Activate" });
            await Expect(activate).ToBeVisibleAsync();
            await page.ArrowToAsync(activate);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByTestId("destination-status")).ToHaveTextAsync("Active");
            await Expect(page.GetByTestId("runs-table").Locator("tbody tr").First.GetByTestId("run-failed")).ToHaveTextAsync("300", new() { Timeout = 30_000 });
        }
        finally
        {
            await api.DeleteAllAsync();
        }
    }
}
