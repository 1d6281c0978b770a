using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Engine;

/// <summary>What the tests that start FlowStudio as real processes (to kill or restart them) share.</summary>
internal static class AppProcesses
{
    /// <summary>
    /// The environment of an app process on the database of <paramref name="dataDirectory"/> (instances given the same
    /// directory share the database and the key ring), with the standalone sandbox at <paramref name="sandboxRoot"/>.
    /// </summary>
    public static Dictionary<string, string> Environment(string dataDirectory, Uri sandboxRoot, params (string Key, string Value)[] more)
    {
        var environment = new Dictionary<string, string>
        {
            ["Sandbox__Enabled"] = "false",
            ["Templates__Directory"] = Path.Combine(RepositoryRoot(), "templates"),
            ["Auth__Bootstrap__Email"] = TestAccounts.OwnerEmail,
            ["Auth__Bootstrap__Password"] = TestAccounts.OwnerPassword,
            ["Auth__Bootstrap__ApiKey"] = TestAccounts.OwnerApiKey,
            // The standalone sandbox is on loopback, which the outbound guard refuses unless allowed.
            ["Outbound__Allow__0"] = $"127.0.0.1:{sandboxRoot.Port}",
        };
        foreach (var (key, value) in TestDatabase.Settings(dataDirectory))
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        foreach (var (key, value) in more)
        {
            environment[key] = value;
        }

        return environment;
    }

    public static HttpClient OwnerClient(Uri root) => new()
    {
        BaseAddress = root,
        DefaultRequestHeaders = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestAccounts.OwnerApiKey) },
    };

    /// <summary>
    /// A credential for the standalone sandbox, a webhook dataset of <paramref name="records"/> Clari accounts (all stored
    /// before it goes on), an "Upload Entity Data" destination, activated.
    /// </summary>
    public static async Task<string> ActivateDeliveryAsync(HttpClient client, Uri clariBaseUrl, int records)
    {
        var credential = await client.PostJsonAsync("/api/credentials", new
        {
            connector = "clari",
            name = "Standalone Clari",
            fields = new { baseUrl = clariBaseUrl.ToString(), apiKey = "clari-sandbox-key", partnerKey = "clari-sandbox-partner" },
        }, 201);
        var source = await client.PostJsonAsync("/api/sources", new { name = "Accounts", connector = "webhook" }, 201);
        for (var first = 1; first <= records; first += 5000)
        {
            var chunk = Enumerable.Range(first, Math.Min(5000, records - first + 1))
                .Select(i => new { id = $"acc-{i}", name = $"Account {i}", createdAt = 1700000000000L, updatedAt = 1700000000000L + i });
            using var push = new HttpRequestMessage(HttpMethod.Post, source.GetProperty("webhookUrl").GetString()) { Content = JsonContent.Create(chunk) };
            push.Headers.Add("X-Webhook-Token", source.GetProperty("webhookToken").GetString());
            var response = await client.SendAsync(push);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        var datasetId = source.GetProperty("datasetId").GetString()!;
        await EngineFlows.WaitForRecordsAsync(client, datasetId, records);
        var destinationId = await EngineFlows.ClariUploadAsync(client, datasetId, credential.GetProperty("id").GetString());
        await EngineFlows.SetStatusAsync(client, "destinations", destinationId, "activate");
        return destinationId;
    }

    public static void TryDelete(string directory)
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

    private static string RepositoryRoot([CallerFilePath] string thisFile = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(thisFile)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FlowStudio.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("FlowStudio.sln not found above the test sources.");
    }
}
