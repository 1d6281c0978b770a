using FlowStudio.E2E.Sources;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E.Alerts;

[Collection(BrowserCollection.Name)]
public sealed class AlertRulesTests(BrowserApp app)
{
    [Fact]
    public async Task SourcePage_AddAnEmailAlertThenSendTestAlert_TheEmailArrives()
    {
        await using var api = await SourceApi.StartAsync(app.Server.BaseAddress);
        var name = $"Alerted contracts {Guid.NewGuid().ToString("N")[..6]}";
        var sourceId = await api.CreateTemplateSourceAsync(name, await api.CredentialIdAsync("ClientSuccess Sandbox"), "clientsuccess.search-contracts");
        var page = await app.NewPageAsync();
        try
        {
            await page.OpenAsync($"/sources/{sourceId}");
            var alerts = page.GetByRole(AriaRole.Region, new() { Name = "Alerts" });
            await Expect(alerts).ToContainTextAsync("No alerts yet.");

            await alerts.GetByRole(AriaRole.Button, new() { Name = "Add alert" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Add alert" });
            await Expect(dialog.GetByRole(AriaRole.Combobox, new() { Name = "When" })).ToHaveTextAsync("A run fails");
            await Expect(dialog.GetByRole(AriaRole.Combobox, new() { Name = "Send by" })).ToHaveTextAsync("Email");
            await dialog.GetByLabel("Email addresses").FillAsync("ops@example.com");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save alert" }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();

            var row = alerts.GetByRole(AriaRole.Row).Filter(new() { HasText = "A run fails" });
            await Expect(row).ToContainTextAsync("Email: ops@example.com");
            await Expect(row).ToContainTextAsync("None yet");
            await row.GetByRole(AriaRole.Button, new() { Name = "Send test alert" }).ClickAsync();

            await Expect(page.Snackbar()).ToContainTextAsync("Test alert sent to ops@example.com.");
            await Expect(row).ToContainTextAsync("Sent");
            await Expect(row).ToContainTextAsync("(test)");
            Assert.Contains($"[FlowStudio] Test alert: Run failed in “{name}”", app.Server.Mail.Subjects);
        }
        finally
        {
            await api.DeleteCreatedSourcesAsync();
        }
    }
}
