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
            await TabToAsync(page, page.GetByRole(AriaRole.Radio, new() { Name = "FlexFlow" }));
            await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "FlexFlow" })).ToBeCheckedAsync();
            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create" }));
            await page.Keyboard.PressAsync("Enter");

            await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "ClientSuccess", Exact = true }));
            await page.Keyboard.PressAsync("Enter");

            var sandbox = page.GetByRole(AriaRole.Radio, new() { Name = "ClientSuccess Sandbox" });
            await TabToAsync(page, sandbox);
            await page.Keyboard.PressAsync("Space");
            await Expect(sandbox).ToBeCheckedAsync();
            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Next" }));
            await page.Keyboard.PressAsync("Enter");

            await page.WaitUntilInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New ClientSuccess source");
            var endpoint = page.GetByRole(AriaRole.Combobox, new() { Name = "Endpoint", Exact = true });
            await TabToAsync(page, endpoint);
            // The first ArrowDown opens the list, the next one highlights its first endpoint, Enter chooses it.
            await page.Keyboard.PressAsync("ArrowDown");
            await Expect(page.GetByRole(AriaRole.Option, new() { Name = "Search Pulses", Exact = true })).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("Enter");
            await Expect(endpoint).ToHaveTextAsync("Search Pulses");
            await Expect(page.GetByLabel("Client ID")).ToBeVisibleAsync();

            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Test", Exact = true }));
            await page.Keyboard.PressAsync("Enter");
            var panel = page.GetByRole(AriaRole.Region, new() { Name = "Endpoint Test Result" });
            await Expect(panel.GetByTestId("test-result-summary")).ToContainTextAsync("50 sample records");

            var name = page.GetByLabel("Name", new() { Exact = true });
            await TabToAsync(page, name);
            await page.Keyboard.TypeAsync("Pulses by keyboard");
            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create" }));
            await page.Keyboard.PressAsync("Enter");

            await Expect(page).ToHaveURLAsync(new Regex("/sources/src_[0-9a-z]+$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pulses by keyboard");
            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Actions" }));
            await page.Keyboard.PressAsync("Enter");
            var runNow = page.GetByRole(AriaRole.Menuitem, new() { Name = "Run now" });
            await Expect(runNow).ToBeVisibleAsync();
            await ArrowToAsync(page, runNow);
            await page.Keyboard.PressAsync("Enter");

            await Expect(page.GetByTestId("dataset-record-count")).ToHaveTextAsync(new Regex(@"^\s*300\s+records\s*$"), new() { Timeout = 30_000 });

            // The dataset's "+" → Send to Destination → Clari → Clari Sandbox → Next.
            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add a step after this dataset" }));
            await page.Keyboard.PressAsync("Enter");
            var sendTo = page.GetByRole(AriaRole.Menuitem, new() { Name = "Send to Destination" });
            await Expect(sendTo).ToBeVisibleAsync();
            await ArrowToAsync(page, sendTo);
            await page.Keyboard.PressAsync("Enter");
            await page.WaitUntilInteractiveAsync();
            await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Clari", Exact = true }));
            await page.Keyboard.PressAsync("Enter");
            var clari = page.GetByRole(AriaRole.Radio, new() { Name = "Clari Sandbox" });
            await TabToAsync(page, clari);
            await page.Keyboard.PressAsync("Space");
            await Expect(clari).ToBeCheckedAsync();
            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Next" }));
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New Clari destination");

            // Template: Ingest Bulk Entities for accounts (typing an initial picks the option, Enter closes the list); the Sample Payload panel follows; Done.
            var destinationEndpoint = page.GetByRole(AriaRole.Combobox, new() { Name = "Endpoint", Exact = true });
            await TabToAsync(page, destinationEndpoint);
            await page.Keyboard.TypeAsync("I");
            await page.Keyboard.PressAsync("Enter");
            await Expect(destinationEndpoint).ToHaveTextAsync("Ingest Bulk Entities");
            var entityType = page.GetByRole(AriaRole.Combobox, new() { Name = "Entity Type", Exact = true });
            await TabToAsync(page, entityType);
            await page.Keyboard.TypeAsync("A");
            await page.Keyboard.PressAsync("Enter");
            await Expect(entityType).ToHaveTextAsync("Account");
            var samples = page.GetByRole(AriaRole.Region, new() { Name = "Sample Payload" }).GetByTestId("sample-payload");
            await Expect(samples).ToHaveCountAsync(3);
            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Done" }));
            await page.Keyboard.PressAsync("Enter");

            // Activate from the resource menu: the run follows Clari's jobs, which fail in validation (pulses carry no
            // createdAt/updatedAt), and says so: 300 failed.
            await Expect(page).ToHaveURLAsync(new Regex("/destinations/dst_[0-9a-z]+$"));
            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Actions" }));
            await page.Keyboard.PressAsync("Enter");
            var activate = page.GetByRole(AriaRole.Menuitem, new() { Name = "Activate" });
            await Expect(activate).ToBeVisibleAsync();
            await ArrowToAsync(page, activate);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByTestId("destination-status")).ToHaveTextAsync("Active");
            await Expect(page.GetByTestId("runs-table").Locator("tbody tr").First.GetByTestId("run-failed")).ToHaveTextAsync("300", new() { Timeout = 30_000 });
        }
        finally
        {
            await api.DeleteAllAsync();
        }
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus; fails when it is not reached, as a keyboard user would.</summary>
    private static async Task TabToAsync(IPage page, ILocator target, int maxPresses = 80)
    {
        await target.WaitForAsync();
        for (var i = 0; i < maxPresses; i++)
        {
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement"))
            {
                await Expect(target).ToBeFocusedAsync();
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
        throw new Xunit.Sdk.XunitException($"Tab did not reach {target} in {maxPresses} presses; the focus is on {focused}.");
    }

    /// <summary>Presses ArrowDown in an open menu until <paramref name="target"/> has the focus.</summary>
    private static async Task ArrowToAsync(IPage page, ILocator target, int maxPresses = 12)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
            // The menu moves the focus on its own time: give each press a moment before the next one.
            for (var wait = 0; wait < 5; wait++)
            {
                if (await target.EvaluateAsync<bool>("el => el === document.activeElement"))
                {
                    return;
                }

                await Task.Delay(100);
            }
        }

        throw new Xunit.Sdk.XunitException($"ArrowDown did not reach {target} in {maxPresses} presses.");
    }
}
