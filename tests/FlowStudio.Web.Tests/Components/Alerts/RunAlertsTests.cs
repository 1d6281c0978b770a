using Bunit;
using FlowStudio.Web.Features.Runs;
using FlowStudio.Web.Tests.Features.Alerts;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Components.Alerts;

[Collection(AlertsCollection.Name)]
public sealed class RunAlertsTests(AlertsApp alerts) : ComponentTest(alerts.App)
{
    [Fact]
    public async Task RunPage_FailedRunWithAnEmailRule_ListsTheAlertOnceItIsSent()
    {
        using var client = App.CreateClient();
        var source = await AlertFlows.FailingSourceAsync(client);
        var sourceId = source.GetProperty("id").GetString()!;
        await AlertFlows.RuleAsync(client, sourceId, new { @event = "runFailed", channel = "email", emailTo = new[] { "oncall@example.com" } });
        var started = await client.PostJsonAsync($"/api/sources/{sourceId}/run", new { }, 202);
        var runId = started.GetProperty("runId").GetString()!;

        var page = RenderWithProviders<RunDetailPage>(p => p.Add(x => x.Id, runId));

        // Opened while it runs or just after: the alert appears when it is sent, pushed by the change feed.
        page.WaitForAssertion(() =>
        {
            var cells = page.FindAll("[data-testid=run-alerts-table] tbody tr td").Select(c => c.TextContent.Trim()).ToList();
            Assert.Equal(["A run fails", "Email", "oncall@example.com", "Sent"], cells.Skip(1));
        }, TimeSpan.FromSeconds(30));
        Assert.Equal("Alerts", page.Find("#run-alerts-title").TextContent);
    }
}
