using System.Net.Http.Json;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using FlowStudio.Web.Tests.Support;
using Xunit.Abstractions;

namespace FlowStudio.Web.Tests.Features.Engine;

/// <summary>The app killed (SIGKILL) in the middle of a delivery and restarted on the same database, with a standalone sandbox that outlives it.</summary>
[Collection(AppCollection.Name)]
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Records = 20_000;

    [Fact]
    public async Task KilledMidDelivery_Restarted_DeliversEveryRecordWithAtMostOneBatchTwice()
    {
        var data = Directory.CreateTempSubdirectory("flowstudio-crash-").FullName;
        var appPort = ChildProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["Sandbox__Enabled"] = "false",
            ["Templates__Directory"] = Path.Combine(RepositoryRoot(), "templates"),
            ["Auth__Bootstrap__Email"] = TestAccounts.OwnerEmail,
            ["Auth__Bootstrap__Password"] = TestAccounts.OwnerPassword,
            ["Auth__Bootstrap__ApiKey"] = TestAccounts.OwnerApiKey,
        };
        foreach (var (key, value) in TestDatabase.Settings(data))
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        var watch = Stopwatch.StartNew();
        await using var sandbox = await ChildProcess.StartAsync("FlowStudio.Sandbox.dll", "/sandbox/_state", new Dictionary<string, string>());
        // The standalone sandbox is on loopback, which the outbound guard refuses unless allowed.
        environment["Outbound__Allow__0"] = $"127.0.0.1:{sandbox.Root.Port}";
        ChildProcess? app = null;
        try
        {
            app = await ChildProcess.StartAsync("FlowStudio.Web.dll", "/api/health", environment, appPort);
            output.WriteLine($"{watch.Elapsed}: sandbox and app started");
            using var vendor = new HttpClient { BaseAddress = sandbox.Root };
            string destinationId;
            using (var first = OwnerClient(app.Root))
            {
                destinationId = await ActivateDeliveryAsync(first, new Uri(sandbox.Root, "/sandbox/clari"));
            }

            await vendor.PostJsonAsync("/sandbox/_faults", new { latencyMs = 15 }, 200);
            output.WriteLine($"{watch.Elapsed}: {Records} records in the dataset, destination active");

            var beforeKill = await EngineFlows.WaitForAccountsAsync(vendor, a => a.Count >= Records / 5, TimeSpan.FromSeconds(40));
            await app.KillAsync();
            Assert.True(beforeKill.Count <= Records * 4 / 5, $"the delivery was nearly done ({beforeKill.Count}) before the kill; slow the sandbox down");
            var atKill = await EngineFlows.AccountsAsync(vendor);
            output.WriteLine($"{watch.Elapsed}: killed with {atKill} received");

            await app.DisposeAsync();
            app = await ChildProcess.StartAsync("FlowStudio.Web.dll", "/api/health", environment, appPort);
            using var client = OwnerClient(app.Root);
            output.WriteLine($"{watch.Elapsed}: restarted");
            var final = await EngineFlows.WaitForAccountsAsync(vendor, a => a.Distinct == Records, TimeSpan.FromSeconds(45));
            await EngineFlows.WaitUntilIdleAsync(client, destinationId, TimeSpan.FromSeconds(15));
            final = await EngineFlows.AccountsAsync(vendor);
            output.WriteLine($"{watch.Elapsed}: all delivered, {final}");

            Assert.True(atKill.Count < Records, $"everything had arrived before the kill ({atKill})");
            Assert.Equal(Records, final.Distinct);
            Assert.True(final.Duplicates <= 100, $"{final.Duplicates} records were sent twice; at most the batch in flight may be (killed at {atKill})");
            var runs = await EngineFlows.RunsAsync(client, destinationId);
            var killed = runs.Single(r => r.GetProperty("startedAt").GetDateTime() == runs.Min(x => x.GetProperty("startedAt").GetDateTime()));
            Assert.Equal("failed", killed.GetProperty("status").GetString());
            Assert.Contains("stopped while this run was in progress", killed.GetProperty("error").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            TestDatabase.ReleaseConnections();
            TryDelete(data);
        }
    }

    /// <summary>A credential for the standalone sandbox, a webhook dataset of Clari accounts, an "Upload Entity Data" destination, activated.</summary>
    private static async Task<string> ActivateDeliveryAsync(HttpClient client, Uri clariBaseUrl)
    {
        var credential = await client.PostJsonAsync("/api/credentials", new
        {
            connector = "clari",
            name = "Standalone Clari",
            fields = new { baseUrl = clariBaseUrl.ToString(), apiKey = "clari-sandbox-key", partnerKey = "clari-sandbox-partner" },
        }, 201);
        var source = await client.PostJsonAsync("/api/sources", new { name = "Accounts", connector = "webhook" }, 201);
        for (var first = 1; first <= Records; first += 5000)
        {
            var chunk = Enumerable.Range(first, 5000).Select(i => new { id = $"acc-{i}", name = $"Account {i}", createdAt = 1700000000000L, updatedAt = 1700000000000L + i });
            using var push = new HttpRequestMessage(HttpMethod.Post, source.GetProperty("webhookUrl").GetString()) { Content = JsonContent.Create(chunk) };
            push.Headers.Add("X-Webhook-Token", source.GetProperty("webhookToken").GetString());
            var response = await client.SendAsync(push);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        var destinationId = await EngineFlows.ClariUploadAsync(client, source.GetProperty("datasetId").GetString()!, credential.GetProperty("id").GetString());
        await EngineFlows.SetStatusAsync(client, "destinations", destinationId, "activate");
        return destinationId;
    }

    private static HttpClient OwnerClient(Uri root) => new()
    {
        BaseAddress = root,
        DefaultRequestHeaders = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestAccounts.OwnerApiKey) },
    };

    private static string RepositoryRoot([CallerFilePath] string thisFile = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(thisFile)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FlowStudio.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("FlowStudio.sln not found above the test sources.");
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS temp cleaner.
        }
    }
}
