using System.Diagnostics;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace FlowStudio.Web.Tests.Features.Engine;

/// <summary>
/// Two FlowStudio processes on one PostgreSQL database, sharing the work through Quartz.NET's clustered job store, with
/// a standalone sandbox that outlives them.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ClusterTests(ITestOutputHelper output)
{
    private const int Records = 20_000;

    /// <summary>Each instance reports to the cluster every second, so a dead one is taken for dead within about three.</summary>
    private static readonly (string, string) FastCheckin = ("Engine__ClusterCheckinInterval", "00:00:01");

    [PostgresFact]
    public async Task KillTheInstanceDelivering_TheOtherFinishes_EveryRecordOnceButTheBatchInFlight()
    {
        var data = Directory.CreateTempSubdirectory("flowstudio-cluster-").FullName;
        var watch = Stopwatch.StartNew();
        await using var sandbox = await ChildProcess.StartAsync("FlowStudio.Sandbox.dll", "/sandbox/_state", new Dictionary<string, string>());
        var environment = AppProcesses.Environment(data, sandbox.Root, FastCheckin);
        var first = await ChildProcess.StartAsync("FlowStudio.Web.dll", "/api/health", environment);
        var second = await ChildProcess.StartAsync("FlowStudio.Web.dll", "/api/health", environment);
        try
        {
            var instances = new Dictionary<string, ChildProcess> { [await InstanceAsync(first)] = first, [await InstanceAsync(second)] = second };
            using var vendor = new HttpClient { BaseAddress = sandbox.Root };
            string destinationId;
            using (var client = AppProcesses.OwnerClient(first.Root))
            {
                destinationId = await AppProcesses.ActivateDeliveryAsync(client, new Uri(sandbox.Root, "/sandbox/clari"), Records);
            }

            await vendor.PostJsonAsync("/sandbox/_faults", new { latencyMs = 15 }, 200);
            await EngineFlows.WaitForAccountsAsync(vendor, a => a.Count >= Records / 5, TimeSpan.FromSeconds(40));
            var delivering = await ExecutingInstanceAsync(data);
            var (dead, survivor) = instances[delivering] == first ? (first, second) : (second, first);
            await dead.KillAsync();
            var atKill = await EngineFlows.AccountsAsync(vendor);
            output.WriteLine($"{watch.Elapsed}: killed {delivering} with {atKill} received");
            Assert.True(atKill.Count < Records * 4 / 5, $"the delivery was nearly done ({atKill}) before the kill; slow the sandbox down");

            using var remaining = AppProcesses.OwnerClient(survivor.Root);
            var final = await EngineFlows.WaitForAccountsAsync(vendor, a => a.Distinct == Records, TimeSpan.FromSeconds(60));
            await EngineFlows.WaitUntilIdleAsync(remaining, destinationId, TimeSpan.FromSeconds(15));
            final = await EngineFlows.AccountsAsync(vendor);
            output.WriteLine($"{watch.Elapsed}: all delivered by the other instance, {final}");

            Assert.Equal(Records, final.Distinct);
            Assert.True(final.Duplicates <= 100, $"{final.Duplicates} records were sent twice; at most the batch in flight may be (killed at {atKill})");
            // The killed instance's run was recovered by the other one and resumed: one run, every record counted once.
            var run = Assert.Single(await EngineFlows.RunsAsync(remaining, destinationId));
            Assert.Equal(("succeeded", (long)Records), (run.GetProperty("status").GetString(), run.GetProperty("recordsSent").GetInt64()));
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
            TestDatabase.ReleaseConnections();
            AppProcesses.TryDelete(data);
        }
    }

    [PostgresFact]
    public async Task CronSourcesDueOnTwoInstancesRestartingInTurn_EachOccurrenceRunsExactlyOnce()
    {
        const int Sources = 100;
        const int Waves = 4;
        var data = Directory.CreateTempSubdirectory("flowstudio-cluster-").FullName;
        await using var sandbox = await ChildProcess.StartAsync("FlowStudio.Sandbox.dll", "/sandbox/_state", new Dictionary<string, string>());
        var environment = AppProcesses.Environment(data, sandbox.Root, FastCheckin);
        var ports = new[] { ChildProcess.FreePort(), ChildProcess.FreePort() };
        var instances = new ChildProcess[2];
        instances[0] = await ChildProcess.StartAsync("FlowStudio.Web.dll", "/api/health", environment, ports[0]);
        instances[1] = await ChildProcess.StartAsync("FlowStudio.Web.dll", "/api/health", environment, ports[1]);
        try
        {
            var sources = new List<string>();
            using (var client = AppProcesses.OwnerClient(instances[0].Root))
            {
                var credential = await client.PostJsonAsync("/api/credentials", new
                {
                    connector = "clientsuccess",
                    name = "Standalone ClientSuccess",
                    fields = new { baseUrl = new Uri(sandbox.Root, "/sandbox/clientsuccess").ToString(), apiKey = "cs-sandbox-key" },
                }, 201);
                for (var i = 0; i < Sources; i++)
                {
                    var source = await client.PostJsonAsync("/api/sources", new
                    {
                        name = $"Pulses {i}",
                        credentialId = credential.GetProperty("id").GetString(),
                        templateId = "clientsuccess.search-pulses",
                        // Due at once when activated; the next occurrence is next 1 January.
                        schedule = new { kind = "cron", cron = "0 3 1 1 *", timeZone = "UTC" },
                    }, 201);
                    sources.Add(source.GetProperty("id").GetString()!);
                }
            }

            // Each wave's sources fall due at once on both instances; between waves one instance is killed and started again.
            for (var wave = 0; wave < Waves; wave++)
            {
                var through = wave % 2;
                using (var client = AppProcesses.OwnerClient(instances[through].Root))
                {
                    foreach (var id in sources.Skip(wave * Sources / Waves).Take(Sources / Waves))
                    {
                        await EngineFlows.SetStatusAsync(client, "sources", id, "activate");
                    }
                }

                var restarted = 1 - through;
                await Task.Delay(TimeSpan.FromSeconds(1));
                await instances[restarted].KillAsync();
                await instances[restarted].DisposeAsync();
                instances[restarted] = await ChildProcess.StartAsync("FlowStudio.Web.dll", "/api/health", environment, ports[restarted]);
                output.WriteLine($"wave {wave}: activated through instance {through}, restarted instance {restarted}");
            }

            using var reader = AppProcesses.OwnerClient(instances[0].Root);
            var runs = new Dictionary<string, List<JsonElement>>();
            var watch = Stopwatch.StartNew();
            while (true)
            {
                foreach (var id in sources)
                {
                    runs[id] = await EngineFlows.RunsAsync(reader, id);
                }

                if (runs.Values.All(r => r.Count > 0 && r.All(x => x.GetProperty("status").GetString() != "running")) || watch.Elapsed > TimeSpan.FromSeconds(60))
                {
                    break;
                }

                await Task.Delay(500);
            }

            // A tick more on both instances: an occurrence claimed twice would have shown its second run by now.
            await Task.Delay(TimeSpan.FromSeconds(3));
            foreach (var id in sources)
            {
                runs[id] = await EngineFlows.RunsAsync(reader, id);
            }

            var counts = runs.Values.GroupBy(r => r.Count).ToDictionary(g => g.Key, g => g.Count());
            output.WriteLine($"runs per source: {string.Join(", ", counts.Select(c => $"{c.Value} sources with {c.Key}"))}");
            Assert.Equal(new Dictionary<int, int> { [1] = Sources }, counts);
            // A run interrupted by a kill fails as interrupted; its occurrence is not run again (the next one is in January).
            Assert.All(runs.Values.SelectMany(r => r), r => Assert.Contains(r.GetProperty("status").GetString(), new[] { "succeeded", "failed" }));
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }

            TestDatabase.ReleaseConnections();
            AppProcesses.TryDelete(data);
        }
    }

    [PostgresFact]
    public async Task SandboxSourceRunByAWorker_CallsTheWebInstancesSandbox()
    {
        // Only the web instance mounts the sandbox; the worker, which runs every flow, is told where it is.
        var data = Directory.CreateTempSubdirectory("flowstudio-cluster-").FullName;
        var noStandaloneSandbox = new Uri("http://127.0.0.1:9/");
        var web = await ChildProcess.StartAsync("FlowStudio.Web.dll", "/api/health",
            AppProcesses.Environment(data, noStandaloneSandbox, ("Role", "web"), ("Sandbox__Enabled", "true")));
        ChildProcess? worker = null;
        try
        {
            worker = await ChildProcess.StartAsync("FlowStudio.Web.dll", "/api/health",
                AppProcesses.Environment(data, noStandaloneSandbox, ("Role", "worker"), ("Sandbox__Enabled", "true"), ("Sandbox__Url", web.Root.ToString())));
            using var client = AppProcesses.OwnerClient(web.Root);

            var source = await client.PostJsonAsync("/api/sources", new
            {
                name = "Pulses on a worker",
                credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox"),
                templateId = "clientsuccess.search-pulses",
            }, 201);
            var run = await Flows.RunSourceAsync(client, source.GetProperty("id").GetString()!);

            Assert.Equal(300, run.GetProperty("recordsRead").GetInt64());
        }
        finally
        {
            if (worker is not null)
            {
                await worker.DisposeAsync();
            }

            await web.DisposeAsync();
            TestDatabase.ReleaseConnections();
            AppProcesses.TryDelete(data);
        }
    }

    /// <summary>The job scheduler's instance id of the app (its health check says).</summary>
    private static async Task<string> InstanceAsync(ChildProcess app)
    {
        using var client = new HttpClient { BaseAddress = app.Root };
        return JsonDocument.Parse(await client.GetStringAsync("/api/health/instance")).RootElement.GetProperty("instance").GetString()!;
    }

    /// <summary>The instance executing the run job now, as Quartz's store records it.</summary>
    private static async Task<string> ExecutingInstanceAsync(string data)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.Settings(data)["ConnectionStrings:FlowStudio"]);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT instance_name FROM qrtz_fired_triggers WHERE job_group = 'runs' AND state = 'EXECUTING'", connection);
        return (string)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("No run job is executing."));
    }
}
