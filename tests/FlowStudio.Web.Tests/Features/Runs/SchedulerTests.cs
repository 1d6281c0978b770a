using FlowStudio.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Features.Runs;

public sealed class SchedulerTests
{
    /// <summary>Schedules as rows written before validation existed could hold them, each due before the good source.</summary>
    private static readonly Dictionary<string, string> Poisons = new()
    {
        ["every 2147483647 hours"] = """{"kind":"interval","every":2147483647,"unit":"hours"}""",
        ["every 0 minutes"] = """{"kind":"interval","every":0,"unit":"minutes"}""",
        ["unknown time zone"] = """{"kind":"cron","cron":"0 9 * * *","timeZone":"Mars/Olympus_Mons"}""",
        ["unreadable JSON"] = """{"kind":"interval","every":""",
    };

    [Fact]
    public async Task Tick_PoisonedSchedulesStoredInTheDatabase_AreLoggedAndSkippedWhileAGoodSourceStillRuns()
    {
        var logs = new LogCollector();
        await using var app = new FlowStudioApp([], logs: logs);
        using var client = app.CreateClient();
        var credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox");
        var poisoned = new Dictionary<string, string>();
        foreach (var name in Poisons.Keys)
        {
            poisoned[name] = await CreatePausedSourceAsync(client, credentialId, name);
        }

        var good = await CreatePausedSourceAsync(client, credentialId, "good");
        var now = DateTime.UtcNow;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
            foreach (var (name, id) in poisoned)
            {
                var source = await db.Sources.SingleAsync(s => s.Id == id);
                (source.ScheduleJson, source.Status, source.NextRunAt) = (Poisons[name], ResourceStatus.Active, now.AddHours(-1));
            }

            var goodSource = await db.Sources.SingleAsync(s => s.Id == good);
            (goodSource.Status, goodSource.NextRunAt) = (ResourceStatus.Active, now);
            await db.SaveChangesAsync();
        }

        await WaitForAutomaticRunAsync(app, good);

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
            foreach (var (name, id) in poisoned)
            {
                Assert.False(await db.Runs.AnyAsync(r => r.ResourceId == id), $"the source with {name} ran");
                Assert.Contains(logs.Lines, line => line.Contains(id, StringComparison.Ordinal)
                    && (line.StartsWith("Warning", StringComparison.Ordinal) || line.StartsWith("Error", StringComparison.Ordinal)));
                var nextRun = await db.Sources.Where(s => s.Id == id).Select(s => s.NextRunAt).SingleAsync();
                // Invalid schedules stop until edited; one that cannot even be read is retried later, not every tick.
                Assert.True(name == "unreadable JSON" ? nextRun > now : nextRun is null, $"{name}: next run {nextRun:O}");
            }
        }

        Assert.Contains(logs.Lines, line => line.Contains(poisoned["every 2147483647 hours"], StringComparison.Ordinal) && line.Contains("8,760 hours", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains(poisoned["unreadable JSON"], StringComparison.Ordinal) && line.Contains("JsonException", StringComparison.Ordinal));
    }

    private static async Task<string> CreatePausedSourceAsync(HttpClient client, string credentialId, string name)
    {
        var source = await client.PostJsonAsync("/api/sources", new
        {
            name = $"Scheduled {name} {Guid.NewGuid():N}"[..40],
            credentialId,
            templateId = "clientsuccess.search-contracts",
            schedule = new { kind = "interval", every = 1, unit = "hours" },
        }, 201);
        return source.GetProperty("id").GetString()!;
    }

    private static async Task WaitForAutomaticRunAsync(FlowStudioApp app, string sourceId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using (var scope = app.Services.CreateScope())
            {
                if (await scope.ServiceProvider.GetRequiredService<FlowStudioDb>().Runs.AnyAsync(r => r.ResourceId == sourceId && r.Automatic))
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "the good source was never started by the scheduler");
            await Task.Delay(100);
        }
    }
}
