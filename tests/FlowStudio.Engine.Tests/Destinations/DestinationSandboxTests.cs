using System.Diagnostics;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Scripting;
using FlowStudio.Engine.Tests.Support;
using FlowStudio.Engine.Tests.Templates;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace FlowStudio.Engine.Tests.Destinations;

/// <summary>Destinations delivering to the sandbox simulators over real HTTP. Each test starts from a reset sandbox.</summary>
[Collection(SandboxCollection.Name)]
public sealed class DestinationSandboxTests(SandboxServer sandbox, ITestOutputHelper output)
{
    private const string ClariAccountUrl = "/v2/ingest/entity/account?mode=incremental&isLastBatch=true";

    private const string ClientsToClariAccounts = """
        function group(records) {
          return [{
            sourceEntity: 'account',
            records: records.map(function (c) {
              var created = Date.parse(c.createdTime);
              var updated = Date.parse(c.modifiedTime);
              return { id: 'CS-' + c.id, name: c.name, status: c.status,
                       createdAt: created, updatedAt: Math.max(created, updated) };
            })
          }];
        }
        """;

    private static readonly RetryOptions Patient = new()
    {
        MaxRetries = 8, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromSeconds(2),
    };

    private readonly ApiClient _api = new(new HttpClient(), new ConnectorAuthenticator(TimeProvider.System), TimeProvider.System);

    private TestDelivery CreateSut() =>
        new(new DeliveryRunner(_api, TimeProvider.System), new PayloadBuilder(new JintScriptEvaluator(), TimeProvider.System));

    [Fact]
    public async Task RunAsync_GroupCodeSendsClientsToClariUnderFaults_All250ArriveOnce()
    {
        await sandbox.ResetAsync();
        var clients = await ReadAsync("/v2/client/search", 250);
        var config = new DestinationConfig
        {
            Url = ClariAccountUrl,
            Retry = Patient,
            Batching = new BatchingOptions { Enabled = true, BatchSize = 50, Algorithm = GroupingAlgorithms.Code, Code = ClientsToClariAccounts },
        };
        var observer = new OutcomeLog();
        try
        {
            await sandbox.SetFaultsAsync(rate429: 0.2, retryAfterSeconds: 1, rate5xx: 0.1);
            var summary = await CreateSut().RunAsync(sandbox.ClariConnection(), config, clients, observer);

            Assert.Equal((250, 0), (summary.RecordsSent, summary.RecordsFailed));
            Assert.True(observer.Attempts > summary.Requests, "the fault plan should have failed some attempts");
            output.WriteLine($"250 records under faults: {summary.Duration.TotalMilliseconds:0} ms, attempts {observer.Attempts}");
        }
        finally
        {
            await sandbox.SetFaultsAsync();
        }

        var account = (await StateAsync())["clari"]!["account"]!;
        Assert.Equal((250, 250, 0), ((int)account["count"]!, (int)account["distinctIds"]!, (int)account["duplicates"]!));
        Assert.Equal(Enumerable.Range(1, 250).Select(i => (long)i), observer.Sent.Order());
    }

    [Fact]
    public async Task RunAsync_Batch100OnLoopback_ReportsTheDeliveryRate()
    {
        await sandbox.ResetAsync();
        var records = Enumerable.Range(1, 2000).Select(i => new DeliveryRecord(i, new JObject
        {
            ["id"] = $"ACC-{i}", ["name"] = $"Account {i}", ["createdAt"] = 1_700_000_000_000L, ["updatedAt"] = 1_700_000_000_000L + i,
        })).ToList();
        var property = new DestinationConfig
        {
            Url = ClariAccountUrl,
            BodyTemplate = JToken.Parse("""[{"sourceEntity":"account","records":"$records"}]"""),
            Batching = new BatchingOptions { Enabled = true, BatchSize = 100 },
        };

        var watch = Stopwatch.StartNew();
        var summary = await CreateSut().RunAsync(sandbox.ClariConnection(), property, records);
        watch.Stop();

        Assert.Equal(2000, summary.RecordsSent);
        output.WriteLine($"template body, batch 100: {summary.RecordsPerSecond:0} records/s ({summary.Requests} requests in {watch.ElapsedMilliseconds} ms)");

        await sandbox.ResetAsync();
        var code = property with
        {
            BodyTemplate = null,
            Batching = new BatchingOptions
            {
                Enabled = true, Algorithm = GroupingAlgorithms.Code,
                Code = "function group(r) { return [{ sourceEntity: 'account', records: r }]; }",
            },
        };
        var coded = await CreateSut().RunAsync(sandbox.ClariConnection(), code, records);
        Assert.Equal(2000, coded.RecordsSent);
        output.WriteLine($"code grouping, batch 100: {coded.RecordsPerSecond:0} records/s ({coded.Requests} requests in {coded.Duration.TotalMilliseconds:0} ms)");
    }

    [Fact]
    public async Task RunAsync_UpdateModeRowWithoutUuid_FailsThatRowAndUpdatesTheRest()
    {
        await sandbox.ResetAsync();
        var clients = await ReadAsync("/v2/client/search", 4);
        var rows = clients.Select(c => new DeliveryRecord(c.Id, new JObject
        {
            ["uuid"] = c.Data["uuid"], ["name"] = (string?)c.Data["name"] + " (renamed)", ["status"] = "ACTIVE",
        })).Append(new DeliveryRecord(99, new JObject { ["name"] = "No uuid" })).ToList();
        var observer = new OutcomeLog();

        var summary = await CreateSut().RunAsync(sandbox.ClientSuccessConnection(),
            new ClientSuccessSync(ClientSuccessObject.Client, SyncMode.Update).ToDestinationConfig(), rows, observer);

        Assert.Equal((4, 1), (summary.RecordsSent, summary.RecordsFailed));
        var failed = Assert.Single(observer.Outcomes, o => o.Outcome == DeliveryOutcome.Failed);
        Assert.Equal((99L, "Update failed: uuid is required"), (failed.RecordId, failed.Error));
        var updated = await GetAsync($"/v2/client/{clients[0].Data["uuid"]}");
        Assert.Equal((string?)clients[0].Data["name"] + " (renamed)", (string?)JObject.Parse(updated.Body)["name"]);
    }

    [Fact]
    public async Task RunAsync_InsertContactsOneWithoutClientId_BulkCreatesTheOthers()
    {
        await sandbox.ResetAsync();
        var client = (await ReadAsync("/v2/client/search", 1))[0].Data;
        var rows = Enumerable.Range(1, 150).Select(i => new DeliveryRecord(i, new JObject
        {
            ["parent"] = i == 7 ? null : client["uuid"], ["mail"] = $"new.contact{i}@example.com", ["first"] = $"New{i}", ["last"] = "Contact",
        })).ToList();
        var mapping = new Dictionary<string, string> { ["parent"] = "clientId", ["mail"] = "email", ["first"] = "firstName", ["last"] = "lastName" };
        var before = (int)(await StateAsync())["clientsuccess"]!["contacts"]!;
        var observer = new OutcomeLog();

        var summary = await CreateSut().RunAsync(sandbox.ClientSuccessConnection(),
            new ClientSuccessSync(ClientSuccessObject.Contact, SyncMode.Insert, mapping).ToDestinationConfig(), rows, observer);

        Assert.Equal((2, 149, 1), (summary.Requests, summary.RecordsSent, summary.RecordsFailed));
        Assert.Equal("Contact requires clientId: the record has no value for it", observer.Outcomes.Single(o => o.RecordId == 7).Error);
        Assert.Equal(before + 149, (int)(await StateAsync())["clientsuccess"]!["contacts"]!);
    }

    [Fact]
    public async Task RunAsync_UpsertContractsTwice_SecondRunUpdatesInsteadOfDuplicating()
    {
        await sandbox.ResetAsync();
        var client = (await ReadAsync("/v2/client/search", 1))[0].Data;
        List<DeliveryRecord> Rows(string endDate) => [.. Enumerable.Range(1, 5).Select(i => new DeliveryRecord(i, new JObject
        {
            ["clientId"] = client["uuid"], ["name"] = $"Renewal {i}", ["startDate"] = "2026-01-01", ["endDate"] = endDate, ["amount"] = 1000 * i,
        }))];
        var config = new ClientSuccessSync(ClientSuccessObject.Contract, SyncMode.Upsert).ToDestinationConfig();
        var before = await ContractsOfAsync((long)client["id"]!);

        var first = await CreateSut().RunAsync(sandbox.ClientSuccessConnection(), config, Rows("2026-12-31"));
        var second = await CreateSut().RunAsync(sandbox.ClientSuccessConnection(), config, Rows("2027-12-31"));

        Assert.Equal((5, 5, 0), (first.Requests, first.RecordsSent, first.RecordsFailed));
        Assert.Equal((5, 5, 0), (second.Requests, second.RecordsSent, second.RecordsFailed));
        var after = await ContractsOfAsync((long)client["id"]!);
        Assert.Equal(before.Count + 5, after.Count);
        Assert.All(after.Where(c => ((string?)c["name"])!.StartsWith("Renewal ", StringComparison.Ordinal)),
            c => Assert.Equal("2027-12-31", (string?)c["termEndDate"]));
    }

    [Fact]
    public async Task RunAsync_DeleteContactTemplate_RemovesContactsAndTheyAre404Afterwards()
    {
        await sandbox.ResetAsync();
        var contacts = await ReadAsync("/v2/contact/search", 3);
        var before = (int)(await StateAsync())["clientsuccess"]!["contacts"]!;
        var config = DestinationConfig.FromTemplate(RepositoryTemplates.Catalog.Find("clientsuccess.delete-contact")!,
            new Dictionary<string, string?> { ["contactId"] = "uuid" });

        var summary = await CreateSut().RunAsync(sandbox.ClientSuccessConnection(), config, contacts);

        Assert.Equal((3, 3, 0), (summary.Requests, summary.RecordsSent, summary.RecordsFailed));
        Assert.Equal(before - 3, (int)(await StateAsync())["clientsuccess"]!["contacts"]!);
        foreach (var contact in contacts)
        {
            Assert.Equal(404, (await GetAsync($"/v2/contact/{contact.Data["uuid"]}")).StatusCode);
        }

        var again = new OutcomeLog();
        await CreateSut().RunAsync(sandbox.ClientSuccessConnection(), config, contacts.Take(1), again);
        Assert.Equal((DeliveryOutcome.Failed, 404), (again.Outcomes[0].Outcome, again.Outcomes[0].Status));
        Assert.StartsWith("HTTP 404: ", again.Outcomes[0].Error);
    }

    private async Task<List<JObject>> ContractsOfAsync(long clientId)
    {
        var page = await GetAsync($"/v2/contract/search?tenantClientId={clientId}&size=200");
        return [.. ((JArray)JObject.Parse(page.Body)["data"]!).Cast<JObject>()];
    }

    private async Task<List<DeliveryRecord>> ReadAsync(string path, int count)
    {
        var records = new List<DeliveryRecord>();
        for (var page = 0; records.Count < count; page++)
        {
            var size = Math.Min(count, 100);
            var response = await GetAsync($"{path}?page={page}&size={size}");
            Assert.Equal(200, response.StatusCode);
            var envelope = JsonConvert.DeserializeObject<JObject>(response.Body, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None })!;
            var data = (JArray)envelope["data"]!;
            records.AddRange(data.Cast<JObject>().Take(count - records.Count).Select(r => new DeliveryRecord(records.Count + 1, r)));
            if (data.Count == 0 || (bool?)envelope["last"] == true)
            {
                break;
            }
        }

        for (var i = 0; i < records.Count; i++)
        {
            records[i] = new DeliveryRecord(i + 1, records[i].Data);
        }

        Assert.Equal(count, records.Count);
        return records;
    }

    private Task<ApiResponse> GetAsync(string path) =>
        _api.SendAsync(sandbox.ClientSuccessConnection(), new ApiRequest(HttpMethod.Get, path, BodyKind: RequestBodyKind.None));

    private async Task<JObject> StateAsync()
    {
        using var client = sandbox.CreateClient();
        return JObject.Parse(await client.GetStringAsync("_state"));
    }

    private sealed class OutcomeLog : IDeliveryObserver
    {
        public List<RecordOutcome> Outcomes { get; } = [];

        public int Attempts { get; private set; }

        public IEnumerable<long> Sent => Outcomes.Where(o => o.Outcome == DeliveryOutcome.Sent).Select(o => o.RecordId);

        public ValueTask OnResultAsync(DeliveryResult result, CancellationToken cancellationToken)
        {
            Outcomes.AddRange(result.Records());
            Attempts += (result.Response?.Attempts ?? 0);
            return ValueTask.CompletedTask;
        }
    }
}
