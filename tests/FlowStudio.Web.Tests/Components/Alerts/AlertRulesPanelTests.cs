using Bunit;
using FlowStudio.Web.Features.Alerts;
using FlowStudio.Web.Tests.Components.Sources;
using FlowStudio.Web.Tests.Features.Alerts;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Components.Alerts;

[Collection(AlertsCollection.Name)]
public sealed class AlertRulesPanelTests(AlertsApp alerts) : SourceScreenTest(alerts.App)
{
    private async Task<(string Id, string Name)> SourceAsync()
    {
        var source = await CreateSourceAsync(new { name = Unique("Alerted clients"), credentialId = await CredentialIdAsync(), templateId = "clientsuccess.search-contracts" });
        return (source.GetProperty("id").GetString()!, source.GetProperty("name").GetString()!);
    }

    private IRenderedComponent<AlertRulesPanel> Open(string id, string name) =>
        RenderWithProviders<AlertRulesPanel>(p => p.Add(x => x.SourceId, id).Add(x => x.SourceName, name).Add(x => x.MayChange, true));

    [Fact]
    public async Task AddEmailAlert_ShowsEveryProblemThenSaves_SendTestAlertReachesTheSink_DeleteAsksFirst()
    {
        var (id, name) = await SourceAsync();
        var panel = Open(id, name);
        panel.WaitForAssertion(() => Assert.Contains("No alerts yet.", panel.Find("[data-testid=alert-rules-empty]").TextContent, StringComparison.Ordinal));

        ClickButton(panel, "Add alert");
        Providers.WaitForAssertion(() => Assert.Contains("Add alert", Dialog().TextContent, StringComparison.Ordinal));
        Assert.Equal("A run fails", Shown(Providers, "alert-event"));
        Assert.Equal("Email", Shown(Providers, "alert-channel"));
        Providers.Find("#alert-email-to").Change("ops@example.com, not-an-email");
        // Clicked again if the dialog re-rendered between finding the button and clicking it (the click then reached nothing).
        Providers.WaitForAssertion(() => ClickButton(Dialog(), "Save alert"));
        Providers.WaitForAssertion(() => Assert.Contains("“not-an-email” is not an email address", Dialog().TextContent, StringComparison.Ordinal));

        Providers.Find("#alert-email-to").Change("ops@example.com");
        Providers.WaitForAssertion(() => ClickButton(Dialog(), "Save alert"));
        Providers.WaitForAssertion(() => Assert.Empty(Providers.FindAll(".mud-dialog")));
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=alert-rules-table] tbody tr")));
        var row = panel.Find("[data-testid=alert-rules-table] tbody tr");
        Assert.Contains("A run fails", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Email: ops@example.com", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("None yet", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Send test alert: A run fails, email to ops@example.com",
            row.QuerySelectorAll("button").First(b => b.TextContent.Trim() == "Send test alert").GetAttribute("aria-label"));

        ClickButton(panel, "Send test alert");
        panel.WaitForAssertion(() => Assert.Contains("Test alert sent to ops@example.com.", Providers.Find("#mud-snackbar-container").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(20));
        var email = await alerts.Mail.WaitForAsync(m => (m.Subject ?? "").Contains(name, StringComparison.Ordinal));
        Assert.Equal($"[FlowStudio] Test alert: Run failed in “{name}”", email.Subject);
        panel.WaitForAssertion(() => Assert.Contains("Sent", panel.Find("[data-testid=alert-rules-table] tbody tr").TextContent, StringComparison.Ordinal));

        // The row re-renders as the alert's status arrives: a button found just before that has a stale handler; find it again.
        panel.WaitForAssertion(() => ClickButton(panel, "Delete"));
        Providers.WaitForAssertion(() => Assert.Contains("Delete this alert?", Dialog().TextContent, StringComparison.Ordinal));
        ClickButton(Dialog(), "Cancel");
        Providers.WaitForAssertion(() => Assert.Empty(Providers.FindAll(".mud-dialog")));
        Assert.Single(panel.FindAll("[data-testid=alert-rules-table] tbody tr"));
        ClickButton(panel, "Delete");
        Providers.WaitForAssertion(() => ClickButton(Dialog(), "Delete alert"));
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("[data-testid=alert-rules-empty]")));
        using var client = App.CreateClient();
        Assert.Equal("[]", await client.GetStringAsync($"/api/sources/{id}/alerts"));
    }

    [Fact]
    public async Task AddWebhookAlert_ShowsTheSigningSecretOnce()
    {
        var (id, name) = await SourceAsync();
        var panel = Open(id, name);
        panel.WaitForElement("[data-testid=alert-rules-empty]");

        ClickButton(panel, "Add alert");
        Providers.WaitForAssertion(() => Dialog());
        Choose(Providers, "alert-event", "Too many records fail");
        Choose(Providers, "alert-channel", "Webhook");
        Providers.Find("#alert-threshold").Change("");
        Providers.Find("#alert-webhook-url").Change("https://hooks.example.com/flowstudio");
        Providers.WaitForAssertion(() => ClickButton(Dialog(), "Save alert"));
        Providers.WaitForAssertion(() => Assert.Contains("a whole number from 1", Dialog().TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Providers.Find("#alert-threshold").Change("25");
        Providers.WaitForAssertion(() => ClickButton(Dialog(), "Save alert"));

        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("[data-testid=alert-secret]")));
        var secret = panel.Find("#alert-webhook-secret").GetAttribute("value")!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var row = panel.Find("[data-testid=alert-rules-table] tbody tr");
        Assert.Contains("More than 25 records fail in a run", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Webhook: https://hooks.example.com/flowstudio", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, row.TextContent, StringComparison.Ordinal);

        // Shown once: a fresh look at the same rules has no secret.
        var again = Render<AlertRulesPanel>(p => p.Add(x => x.SourceId, id).Add(x => x.SourceName, name).Add(x => x.MayChange, true));
        again.WaitForElement("[data-testid=alert-rules-table]");
        Assert.DoesNotContain(secret, again.Markup, StringComparison.Ordinal);
        Assert.Empty(again.FindAll("[data-testid=alert-secret]"));
    }
}
