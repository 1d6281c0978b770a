using System.Net;
using System.Text.Json;
using FlowStudio.Web.Tests.Components.Runs;
using FlowStudio.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Features.Runs;

[Collection(AppCollection.Name)]
public sealed class RunsApiTests(FlowStudioApp app)
{
    [Fact]
    public async Task List_ByStatus_GivesOnlyRunsWithThatStatus_InTheirWords()
    {
        var rows = new RunRows(app);
        var (sourceId, _) = await rows.WebhookSourceAsync();
        var finished = await rows.RunningAsync(sourceId, recordsRead: 2);
        await rows.FinishAsync(finished);
        var running = await rows.RunningAsync(sourceId, recordsRead: 1);
        using var client = app.CreateClient();

        var runs = await GetAsync(client, $"/api/runs?resourceId={sourceId}&status=succeeded");
        await rows.FinishAsync(running);

        var run = Assert.Single(runs.EnumerateArray());
        Assert.Equal((finished, "source", "succeeded"), (run.GetProperty("id").GetString(), run.GetProperty("kind").GetString(), run.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Records_ByOutcome_GivesThatOutcomesRecords_InTheirWords()
    {
        var runId = "run_" + Guid.NewGuid().ToString("N")[..12];
        var destinationId = "dst_" + Guid.NewGuid().ToString("N")[..12];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
            db.FailedDeliveries.AddRange(
                new FailedDelivery { DestinationId = destinationId, RecordId = 1, Permanent = true, Attempts = 1, Reason = "HTTP 400: bad id", RunId = runId },
                new FailedDelivery { DestinationId = destinationId, RecordId = 2, Attempts = 1, Reason = "HTTP 503", RunId = runId });
            await db.SaveChangesAsync();
        }

        using var client = app.CreateClient();
        var records = await GetAsync(client, $"/api/runs/{runId}/records?outcome=dead");

        var record = Assert.Single(records.EnumerateArray());
        Assert.Equal(("1", "dead", "HTTP 400: bad id"), (record.GetProperty("recordKey").GetString(), record.GetProperty("outcome").GetString(), record.GetProperty("error").GetString()));
    }

    [Theory]
    [InlineData("/api/runs?status=done", "status")]
    [InlineData("/api/runs/run_unknown/records?outcome=lost", "outcome")]
    public async Task Filter_WithAnUnknownWord_Is400NamingTheParameter(string url, string parameter)
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(url);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"GET {url} answered {(int)response.StatusCode}: {text}");
        var messages = JsonDocument.Parse(text).RootElement.GetProperty("errors").GetProperty(parameter);
        Assert.StartsWith("Use ", messages[0].GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
