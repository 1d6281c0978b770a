using System.Runtime.CompilerServices;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Macros;
using FlowStudio.Engine.Sources;
using FlowStudio.Engine.Templates;
using FlowStudio.Engine.Tests.Support;

namespace FlowStudio.Engine.Tests.Sources;

/// <summary>Sources read from the ClientSuccess and Clari simulators over real HTTP, as a user's flow would.</summary>
[Collection(SandboxCollection.Name)]
public sealed class SandboxSourceTests(SandboxServer sandbox) : IAsyncLifetime
{
    private static readonly TemplateCatalog Templates = TemplateCatalog.Load(LocateTemplates());

    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => sandbox.ResetAsync();

    private static string LocateTemplates([CallerFilePath] string thisFile = "") =>
        TemplateDirectory.Locate(startDirectory: Path.GetDirectoryName(thisFile))
        ?? throw new DirectoryNotFoundException($"No templates/ folder above {thisFile}");

    private static EndpointTemplate Template(string id) => Templates.Find(id) ?? throw new InvalidOperationException($"No template {id}.");

    [Fact]
    public async Task ReadAsync_SearchPulsesTemplate_Reads300PulsesIn3Requests()
    {
        var config = SourceConfig.FromTemplate(Template("clientsuccess.search-pulses"), new Dictionary<string, string?>());

        var (records, requests) = await SourceTestKit.CreateReader().ReadAllAsync(sandbox.ClientSuccessConnection(), config);

        Assert.Equal(300, records.Count);
        Assert.Equal(300, records.Select(r => (long)r.Data["id"]!).Distinct().Count());
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal(200, r.Status));
        Assert.Equal(["page=0&size=100", "page=1&size=100", "page=2&size=100"], requests.Select(r => r.Url.Split('?')[1]));
        Assert.All(records, r => Assert.Equal(300, (int)r.Data["_metadata"]!));
    }

    [Fact]
    public async Task ReadAsync_SearchPulsesWithApiKey_ReadsTheSame300()
    {
        var config = SourceConfig.FromTemplate(Template("clientsuccess.search-pulses"), new Dictionary<string, string?>());

        var (records, _) = await SourceTestKit.CreateReader().ReadAllAsync(sandbox.ClientSuccessApiKeyConnection(), config);

        Assert.Equal(300, records.Count);
    }

    [Fact]
    public async Task ReadAsync_ManualSourceWithDateMacro_CallsTheExpectedUrl()
    {
        var reader = SourceTestKit.CreateReader(new ManualTimeProvider(new DateTimeOffset(2026, 1, 2, 9, 15, 0, TimeSpan.Zero)));
        var config = new SourceConfig
        {
            Url = "/v2/client/search?modifiedAfter={now-1}",
            DataPath = "$.data[*]",
            DateFormat = MacroDateFormats.Date,
            TimeUnit = "day",
        };

        var (_, requests) = await reader.ReadAllAsync(sandbox.ClientSuccessConnection(), config);

        var request = Assert.Single(requests);
        Assert.Equal(new Uri(sandbox.ClientSuccessBaseUrl + "/v2/client/search?modifiedAfter=2026-01-01").AbsoluteUri, request.Url);
        Assert.Equal(200, request.Status);
    }

    [Fact]
    public async Task ReadAsync_LookupMacroOverThreeClients_CallsThreeTimesAndTagsRecords()
    {
        var pulses = await SourceTestKit.CreateReader().SampleAsync(
            sandbox.ClientSuccessConnection(), new SourceConfig { Url = "/v2/pulse/search?size=200", DataPath = "$.data[*]" }, maxRecords: 200);
        var clientIds = pulses.Records.Select(p => p["clientId"]!.ToString()).Distinct().Take(3).ToList();
        var rows = clientIds.Select(id => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["id"] = id }).ToList();
        var config = new SourceConfig { Url = "/v2/pulse/search?clientId={clients.id}", DataPath = "$.data[*]" };

        var (records, requests) = await SourceTestKit.CreateReader().ReadAllAsync(sandbox.ClientSuccessConnection(), config, rows);

        Assert.Equal(3, requests.Count);
        Assert.Equal(clientIds, requests.Select(r => r.Url.Split("clientId=")[1]));
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Equal(r.LookupKey, r.Data["clientId"]!.ToString()));
        Assert.All(records, r => Assert.Equal(r.LookupKey, (string)r.Data["_lookupKey"]!));
        Assert.Equal(clientIds.Order(), records.Select(r => r.LookupKey!).Distinct().Order());
    }

    [Fact]
    public async Task ReadAsync_SandboxInjectsRateLimitsErrorsAndDrops_StillReadsEveryPulseOnce()
    {
        await sandbox.SetFaultsAsync(rate429: 0.2, retryAfterSeconds: 0, rate5xx: 0.2, dropRate: 0.1);
        var time = TimeProvider.System;
        var reader = new SourceReader(
            new ApiClient(new HttpClient(), new ConnectorAuthenticator(time), time),
            time,
            new RetryOptions { MaxRetries = 10, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(50) });
        var config = SourceConfig.FromTemplate(Template("clientsuccess.search-pulses"), new Dictionary<string, string?>());

        var (records, requests) = await reader.ReadAllAsync(sandbox.ClientSuccessConnection(), config);

        Assert.Equal(300, records.Select(r => (long)r.Data["id"]!).Distinct().Count());
        Assert.Equal(300, records.Count);
        Assert.Equal(3, requests.Count);
    }

    [Fact]
    public async Task ReadAsync_WrongPassword_FailsWithTheApis401()
    {
        var connection = sandbox.ClientSuccessConnection() with
        {
            Fields = new Dictionary<string, string> { ["username"] = SandboxServer.ClientSuccessUser, ["password"] = "not-the-password" },
        };
        var config = SourceConfig.FromTemplate(Template("clientsuccess.search-pulses"), new Dictionary<string, string?>());

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => SourceTestKit.CreateReader().ReadAllAsync(connection, config));

        Assert.Equal(401, error.StatusCode);
        Assert.DoesNotContain("not-the-password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ClariAuditEvents_FollowsNextLinkToTheEnd()
    {
        var config = SourceConfig.FromTemplate(Template("clari.list-audit-events"), new Dictionary<string, string?> { ["limit"] = "40" });

        var (records, requests) = await SourceTestKit.CreateReader().ReadAllAsync(sandbox.ClariConnection(), config);

        Assert.True(requests.Count > 1, $"only {requests.Count} request(s)");
        Assert.Equal((records.Count + 39) / 40, requests.Count);
        Assert.Equal(records.Count, records.Select(r => (string)r.Data["correlationID"]!).Distinct().Count());
        Assert.Contains("offset=", requests[^1].Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SampleAsync_SearchPulses_SuggestsTheDataPath()
    {
        var config = new SourceConfig { Url = "/v2/pulse/search" };

        var sample = await SourceTestKit.CreateReader().SampleAsync(sandbox.ClientSuccessConnection(), config, maxRecords: 5);

        Assert.Equal("$.data[*]", sample.Suggestions[0]);
        Assert.Single(sample.Records);
        Assert.Equal(300, (int)sample.Records[0]["totalElements"]!);
    }
}
