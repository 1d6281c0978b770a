using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Features.Alerts;

/// <summary>
/// Alert rules over the API, and the alerts real runs cause: emails captured by an SMTP sink on loopback, signed webhook
/// calls received by a loopback listener, retries of a failing webhook, and rules that must stay quiet.
/// </summary>
[Collection(AlertsCollection.Name)]
public sealed class AlertsApiTests(AlertsApp alerts)
{
    private HttpClient Client() => alerts.App.CreateClient();

    [Fact]
    public async Task RunFailed_Email_TheSinkGetsTheEmailAndTheRunListsItSent()
    {
        using var client = Client();
        var source = await AlertFlows.FailingSourceAsync(client);
        var sourceId = source.GetProperty("id").GetString()!;
        var name = source.GetProperty("name").GetString()!;
        await AlertFlows.RuleAsync(client, sourceId, new { @event = "runFailed", channel = "email", emailTo = new[] { "ops@example.com", "data@example.com" } });

        var run = await AlertFlows.RunAsync(client, sourceId);
        Assert.Equal("failed", run.GetProperty("status").GetString());
        var runId = run.GetProperty("id").GetString()!;

        var email = await alerts.Mail.WaitForAsync(m => (m.Subject ?? "").Contains(name, StringComparison.Ordinal));
        Assert.Equal($"[FlowStudio] Run failed in “{name}”", email.Subject);
        Assert.Equal(["ops@example.com", "data@example.com"], email.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("alerts@flowstudio.test", email.From.Mailboxes.Single().Address);
        Assert.Contains($"A run of the source “{name}” failed.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(run.GetProperty("error").GetString()!, email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Open the run: {AlertsApp.PublicUrl}/runs/{runId}", email.TextBody, StringComparison.Ordinal);

        var listed = await AlertFlows.RunAlertsAsync(client, runId, a => a.Count == 1 && a[0].GetProperty("status").GetString() == "sent");
        Assert.Equal("email", listed[0].GetProperty("channel").GetString());
        Assert.Equal("ops@example.com, data@example.com", listed[0].GetProperty("recipient").GetString());
        Assert.Equal("A run fails", listed[0].GetProperty("rule").GetString());
        Assert.Equal(1, listed[0].GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task RunFailed_Webhook_DestinationRunFails_TheCallIsSignedWithTheSecretShownOnce()
    {
        using var client = Client();
        var (source, destinationId) = await AlertFlows.FailingDeliveryAsync(client, records: 3);
        var sourceId = source.GetProperty("id").GetString()!;
        var path = $"/hooks/{Guid.NewGuid():N}";
        var rule = await AlertFlows.RuleAsync(client, sourceId, new { @event = "runFailed", channel = "webhook", webhookUrl = alerts.Hooks.Url(path) });
        var secret = rule.GetProperty("webhookSecret").GetString()!;

        var run = await Flows.RunDestinationAsync(client, destinationId);
        Assert.Equal("failed", run.GetProperty("status").GetString());

        var call = (await alerts.Hooks.WaitForAsync(path)).Single();
        Assert.StartsWith("application/json", call.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("runFailed", call.Headers["X-FlowStudio-Event"]);
        var timestamp = call.Headers["X-FlowStudio-Timestamp"];
        Assert.InRange(long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal(Sign(secret, timestamp, call.Body), call.Headers["X-FlowStudio-Signature"]);
        Assert.NotEqual(Sign(secret, timestamp, call.Body.Replace("runFailed", "zeroRecords", StringComparison.Ordinal)), call.Headers["X-FlowStudio-Signature"]);
        Assert.NotEqual(Sign(secret + "x", timestamp, call.Body), call.Headers["X-FlowStudio-Signature"]);

        var body = JsonDocument.Parse(call.Body).RootElement;
        Assert.Equal("runFailed", body.GetProperty("event").GetString());
        Assert.False(body.GetProperty("test").GetBoolean());
        Assert.Equal(sourceId, body.GetProperty("flow").GetProperty("sourceId").GetString());
        Assert.Equal(run.GetProperty("id").GetString(), body.GetProperty("run").GetProperty("id").GetString());
        Assert.Equal("destination", body.GetProperty("run").GetProperty("kind").GetString());
        Assert.Equal(destinationId, body.GetProperty("run").GetProperty("resourceId").GetString());
        Assert.Equal(3, body.GetProperty("counts").GetProperty("failed").GetInt64());
        Assert.Equal(0, body.GetProperty("counts").GetProperty("sent").GetInt64());
        Assert.Equal($"{AlertsApp.PublicUrl}/runs/{run.GetProperty("id").GetString()}", body.GetProperty("link").GetString());

        // The secret was shown once: never listed, never stored in the clear.
        var listedRules = await client.GetStringAsync($"/api/sources/{sourceId}/alerts");
        Assert.DoesNotContain("webhookSecret", listedRules, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listedRules, StringComparison.Ordinal);
        await using (var scope = alerts.App.Services.CreateAsyncScope())
        {
            var stored = scope.ServiceProvider.GetRequiredService<FlowStudioDb>().AlertRules.Single(r => r.Id == rule.GetProperty("id").GetString());
            Assert.DoesNotContain(secret, stored.ProtectedWebhookSecret, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FailedRecords_OnlyTheRuleWhoseThresholdTheRunExceeds_Fires()
    {
        using var client = Client();
        var (source, destinationId) = await AlertFlows.FailingDeliveryAsync(client, records: 5);
        var sourceId = source.GetProperty("id").GetString()!;
        await AlertFlows.RuleAsync(client, sourceId, new { @event = "failedRecords", threshold = 4, channel = "email", emailTo = new[] { "four@example.com" } });
        await AlertFlows.RuleAsync(client, sourceId, new { @event = "failedRecords", threshold = 5, channel = "email", emailTo = new[] { "five@example.com" } });

        var run = await Flows.RunDestinationAsync(client, destinationId);
        Assert.Equal(5, run.GetProperty("recordsFailed").GetInt64());

        // Every alert of a run is stored at once when it ends: one listed means the other would be too.
        var listed = await AlertFlows.RunAlertsAsync(client, run.GetProperty("id").GetString()!, a => a.Count > 0 && a.All(x => x.GetProperty("status").GetString() == "sent"));
        Assert.Equal(["four@example.com"], listed.Select(a => a.GetProperty("recipient").GetString()));
        Assert.Equal("More than 4 records fail in a run", listed[0].GetProperty("rule").GetString());
        var email = await alerts.Mail.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == "four@example.com")
            && (m.Subject ?? "").Contains(source.GetProperty("name").GetString()!, StringComparison.Ordinal));
        Assert.StartsWith("[FlowStudio] Records failed in", email.Subject, StringComparison.Ordinal);
        Assert.Contains("5 records failed in a run of the destination", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(alerts.Mail.Received, m => m.To.Mailboxes.Any(a => a.Address == "five@example.com"));
    }

    [Fact]
    public async Task ZeroRecords_FiresForARunThatReadsNothing_NotForOneThatReadsRecords()
    {
        using var client = Client();
        var clients = await AlertFlows.ClientsSourceAsync(client);
        var empty = await AlertFlows.EmptySourceAsync(client);
        foreach (var source in new[] { clients, empty })
        {
            await AlertFlows.RuleAsync(client, source.GetProperty("id").GetString()!, new { @event = "zeroRecords", channel = "email", emailTo = new[] { "zero@example.com" } });
        }

        var read = await AlertFlows.RunAsync(client, clients.GetProperty("id").GetString()!);
        Assert.Equal("succeeded", read.GetProperty("status").GetString());
        Assert.True(read.GetProperty("recordsRead").GetInt64() > 0);
        var nothing = await AlertFlows.RunAsync(client, empty.GetProperty("id").GetString()!);
        Assert.Equal("succeeded", nothing.GetProperty("status").GetString());
        Assert.Equal(0, nothing.GetProperty("recordsRead").GetInt64());

        var emptyName = empty.GetProperty("name").GetString()!;
        var email = await alerts.Mail.WaitForAsync(m => (m.Subject ?? "").Contains(emptyName, StringComparison.Ordinal));
        Assert.Equal($"[FlowStudio] Zero records read in “{emptyName}”", email.Subject);
        Assert.Single(await AlertFlows.RunAlertsAsync(client, nothing.GetProperty("id").GetString()!, a => a.Count == 1));
        // The earlier run's alerts were decided before this one's email went out.
        Assert.Empty(await AlertFlows.RunAlertsAsync(client, read.GetProperty("id").GetString()!, _ => true));
        Assert.DoesNotContain(alerts.Mail.Received, m => (m.Subject ?? "").Contains(clients.GetProperty("name").GetString()!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendTestAlert_EmailAndWebhook_ArriveMarkedAsTests()
    {
        using var client = Client();
        var source = await AlertFlows.ClientsSourceAsync(client);
        var sourceId = source.GetProperty("id").GetString()!;
        var name = source.GetProperty("name").GetString()!;
        var path = $"/hooks/{Guid.NewGuid():N}";
        var hook = await AlertFlows.RuleAsync(client, sourceId, new { @event = "zeroRecords", channel = "webhook", webhookUrl = alerts.Hooks.Url(path) });
        var mail = await AlertFlows.RuleAsync(client, sourceId, new { @event = "failedRecords", threshold = 10, channel = "email", emailTo = new[] { "test@example.com" } });

        var sentHook = await client.PostJsonAsync($"/api/sources/{sourceId}/alerts/{hook.GetProperty("id").GetString()}/test", new { }, 200);
        var sentMail = await client.PostJsonAsync($"/api/sources/{sourceId}/alerts/{mail.GetProperty("id").GetString()}/test", new { }, 200);

        Assert.Equal("sent", sentHook.GetProperty("status").GetString());
        Assert.Equal("sent", sentMail.GetProperty("status").GetString());
        Assert.True(sentMail.GetProperty("test").GetBoolean());
        var call = (await alerts.Hooks.WaitForAsync(path)).Single();
        var body = JsonDocument.Parse(call.Body).RootElement;
        Assert.True(body.GetProperty("test").GetBoolean());
        Assert.Equal("zeroRecords", body.GetProperty("event").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("run").ValueKind);
        Assert.Equal($"{AlertsApp.PublicUrl}/sources/{sourceId}", body.GetProperty("link").GetString());
        Assert.Equal(Sign(hook.GetProperty("webhookSecret").GetString()!, call.Headers["X-FlowStudio-Timestamp"], call.Body), call.Headers["X-FlowStudio-Signature"]);
        var email = await alerts.Mail.WaitForAsync(m => (m.Subject ?? "").Contains(name, StringComparison.Ordinal));
        Assert.Equal($"[FlowStudio] Test alert: Records failed in “{name}”", email.Subject);

        var rules = JsonDocument.Parse(await client.GetStringAsync($"/api/sources/{sourceId}/alerts")).RootElement.EnumerateArray().ToList();
        Assert.All(rules, r => Assert.Equal("sent", r.GetProperty("lastAlert").GetProperty("status").GetString()));
    }

    [Fact]
    public async Task FailingWebhook_IsRecordedFailedWithTheReason_RetriedWithBackoff_AndTheRunIsUnaffected()
    {
        using var client = Client();
        var source = await AlertFlows.FailingSourceAsync(client);
        var sourceId = source.GetProperty("id").GetString()!;
        var flaky = $"/hooks/flaky-{Guid.NewGuid():N}";
        var down = $"/hooks/down-{Guid.NewGuid():N}";
        alerts.Hooks.Answer(flaky, 500);
        alerts.Hooks.Answer(down, 500, 503, 500);
        await AlertFlows.RuleAsync(client, sourceId, new { @event = "runFailed", channel = "webhook", webhookUrl = alerts.Hooks.Url(flaky) });
        await AlertFlows.RuleAsync(client, sourceId, new { @event = "runFailed", channel = "webhook", webhookUrl = alerts.Hooks.Url(down) });

        var run = await AlertFlows.RunAsync(client, sourceId);
        var runId = run.GetProperty("id").GetString()!;

        var listed = await AlertFlows.RunAlertsAsync(client, runId, a => a.Count == 2 && a.All(x => x.GetProperty("nextAttemptAt").ValueKind == JsonValueKind.Null
            && x.GetProperty("status").GetString() != "pending"));
        var recovered = listed.Single(a => a.GetProperty("recipient").GetString() == alerts.Hooks.Url(flaky));
        Assert.Equal("sent", recovered.GetProperty("status").GetString());
        Assert.Equal(2, recovered.GetProperty("attempts").GetInt32());
        var failed = listed.Single(a => a.GetProperty("recipient").GetString() == alerts.Hooks.Url(down));
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal(3, failed.GetProperty("attempts").GetInt32());
        Assert.Equal("The webhook answered 500 Internal Server Error.", failed.GetProperty("error").GetString());

        var calls = await alerts.Hooks.WaitForAsync(flaky, count: 2);
        Assert.Single(calls.Select(c => c.Body).Distinct());
        Assert.Single(calls.Select(c => c.Headers["X-FlowStudio-Delivery"]).Distinct());
        Assert.Equal(3, (await alerts.Hooks.WaitForAsync(down, count: 3)).Count);
        var after = JsonDocument.Parse(await client.GetStringAsync($"/api/runs/{runId}")).RootElement;
        Assert.Equal(run.GetProperty("status").GetString(), after.GetProperty("status").GetString());
        Assert.Equal(run.GetProperty("error").GetString(), after.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Create_InvalidFields_Is400NamingEachField()
    {
        using var client = Client();
        var sourceId = (await AlertFlows.ClientsSourceAsync(client)).GetProperty("id").GetString()!;

        var unknown = await ProblemAsync(client, sourceId, new { @event = "sometimes", channel = "pigeon" });
        var email = await ProblemAsync(client, sourceId, new { @event = "runFailed", channel = "email", emailTo = new[] { "ops@example.com", "not-an-email" } });
        var threshold = await ProblemAsync(client, sourceId, new { @event = "failedRecords", threshold = 0, channel = "email", emailTo = new[] { "ops@example.com" } });
        var scheme = await ProblemAsync(client, sourceId, new { @event = "runFailed", channel = "webhook", webhookUrl = "ftp://hooks.example.com/x" });
        var guarded = await ProblemAsync(client, sourceId, new { @event = "runFailed", channel = "webhook", webhookUrl = "http://10.0.0.1/hook" });

        Assert.Equal(["channel", "event"], unknown.Keys.Order());
        Assert.Contains("runFailed, failedRecords or zeroRecords", unknown["event"], StringComparison.Ordinal);
        Assert.Equal(["emailTo"], email.Keys);
        Assert.Contains("“not-an-email” is not an email address", email["emailTo"], StringComparison.Ordinal);
        Assert.Equal(["threshold"], threshold.Keys);
        Assert.Equal(["webhookUrl"], scheme.Keys);
        Assert.Equal(["webhookUrl"], guarded.Keys);
        Assert.Contains("private", guarded["webhookUrl"], StringComparison.Ordinal);
        Assert.Contains("Outbound:Allow", guarded["webhookUrl"], StringComparison.Ordinal);
        Assert.Empty(JsonDocument.Parse(await client.GetStringAsync($"/api/sources/{sourceId}/alerts")).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task Rules_AddEditRotateDelete_AreAuditedUnderTheRule()
    {
        using var client = Client();
        var sourceId = (await AlertFlows.ClientsSourceAsync(client)).GetProperty("id").GetString()!;
        var created = await AlertFlows.RuleAsync(client, sourceId, new { @event = "runFailed", channel = "email", emailTo = new[] { "ops@example.com" } });
        var ruleId = created.GetProperty("id").GetString()!;
        Assert.False(created.TryGetProperty("webhookSecret", out _));
        var url = $"/api/sources/{sourceId}/alerts/{ruleId}";

        var toWebhook = await PutAsync(client, url, new { @event = "runFailed", channel = "webhook", webhookUrl = "https://hooks.example.com/flowstudio" });
        var kept = await PutAsync(client, url, new { @event = "failedRecords", threshold = 3, channel = "webhook", webhookUrl = "https://hooks.example.com/flowstudio" });
        var rotated = await PutAsync(client, url, new { @event = "failedRecords", threshold = 3, channel = "webhook", webhookUrl = "https://hooks.example.com/flowstudio", rotateSecret = true });

        Assert.StartsWith("whsec_", toWebhook.GetProperty("webhookSecret").GetString(), StringComparison.Ordinal);
        Assert.False(kept.TryGetProperty("webhookSecret", out _));
        Assert.Equal("More than 3 records fail in a run", kept.GetProperty("condition").GetString());
        Assert.NotEqual(toWebhook.GetProperty("webhookSecret").GetString(), rotated.GetProperty("webhookSecret").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/sources/src_missing/alerts")).StatusCode);

        var audit = JsonDocument.Parse(await client.GetStringAsync("/api/audit?limit=50")).RootElement.EnumerateArray()
            .Where(e => e.GetProperty("resourceId").GetString() == ruleId).Select(e => $"{e.GetProperty("action").GetString()} {e.GetProperty("resource").GetString()}").ToList();
        Assert.Equal(["delete alertRule", "update alertRule", "update alertRule", "update alertRule", "create alertRule"], audit);
    }

    [Fact]
    public async Task DeleteSource_TakesItsRulesAndTheirTestAlertsWithIt()
    {
        using var client = Client();
        var sourceId = (await AlertFlows.ClientsSourceAsync(client)).GetProperty("id").GetString()!;
        var rule = await AlertFlows.RuleAsync(client, sourceId, new { @event = "runFailed", channel = "email", emailTo = new[] { "gone@example.com" } });
        await client.PostJsonAsync($"/api/sources/{sourceId}/alerts/{rule.GetProperty("id").GetString()}/test", new { }, 200);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/sources/{sourceId}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/sources/{sourceId}/alerts")).StatusCode);
        await using var scope = alerts.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
        Assert.False(db.AlertRules.Any(r => r.SourceId == sourceId));
        Assert.False(db.Alerts.Any(a => a.SourceId == sourceId));
    }

    private static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    private static async Task<JsonElement> PutAsync(HttpClient client, string url, object body)
    {
        var response = await client.PutAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The 400 problem's errors, each field's messages joined.</summary>
    private static async Task<Dictionary<string, string>> ProblemAsync(HttpClient client, string sourceId, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/sources/{sourceId}/alerts", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => string.Join(" ", p.Value.EnumerateArray().Select(m => m.GetString())));
    }
}
