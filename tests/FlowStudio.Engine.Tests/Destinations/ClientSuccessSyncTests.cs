using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Scripting;
using FlowStudio.Engine.Tests.Support;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Tests.Destinations;

public sealed class ClientSuccessSyncTests
{
    private static List<OutboundPayload> Build(ClientSuccessSync sync, IEnumerable<DeliveryRecord> records) =>
        new PayloadBuilder(new JintScriptEvaluator(), new ManualTimeProvider()).Build(sync.ToDestinationConfig(), records).ToList();

    [Theory]
    [InlineData(ClientSuccessObject.Client, "/v2/client/bulk")]
    [InlineData(ClientSuccessObject.Contact, "/v2/contact/bulk")]
    public void Insert_ClientsAndContacts_BulkCreateInBatchesOf100(ClientSuccessObject objectType, string path)
    {
        var records = Enumerable.Range(1, 250).Select(i => TestRecords.Record(i, new { name = $"N{i}", clientId = "cli_1" }));

        var payloads = Build(new ClientSuccessSync(objectType, SyncMode.Insert), records);

        Assert.Equal([100, 100, 50], payloads.Select(p => p.RecordIds.Count));
        Assert.All(payloads, p => Assert.Equal(("POST", path), (p.Method, p.Url)));
        Assert.Equal(50, JArray.Parse(payloads[2].Body).Count);
    }

    [Fact]
    public void Insert_Contracts_OneByOne()
    {
        var records = Enumerable.Range(1, 3).Select(i => TestRecords.Record(i, new { clientId = "cli_1", name = $"C{i}", startDate = "2024-01-01" }));

        var payloads = Build(new ClientSuccessSync(ClientSuccessObject.Contract, SyncMode.Insert), records);

        Assert.Equal(3, payloads.Count);
        Assert.All(payloads, p => Assert.Equal(("POST", "/v2/contract"), (p.Method, p.Url)));
        Assert.Equal("C2", (string?)JObject.Parse(payloads[1].Body)["name"]);
    }

    [Fact]
    public void Update_RowWithoutUuid_FailsWithTheSeedMessageAndTheRestAreSent()
    {
        var records = new[]
        {
            TestRecords.Record(1, new { uuid = "cli_1", name = "One" }),
            TestRecords.Record(2, new { name = "Two" }),
            TestRecords.Record(3, new { uuid = "cli_3", name = "Three" }),
        };

        var payloads = Build(new ClientSuccessSync(ClientSuccessObject.Client, SyncMode.Update), records);

        Assert.Equal("Update failed: uuid is required", payloads[1].Error);
        Assert.Equal(("PUT", "/v2/client/cli_1"), (payloads[0].Method, payloads[0].Url));
        Assert.Equal(("PUT", "/v2/client/cli_3"), (payloads[2].Method, payloads[2].Url));
        Assert.Equal("""{"name":"Three"}""", payloads[2].Body);
    }

    [Fact]
    public void Upsert_Contacts_OnePostPerRecordToUpsert()
    {
        var records = Enumerable.Range(1, 2).Select(i => TestRecords.Record(i, new { clientId = "cli_1", email = $"p{i}@example.com" }));

        var payloads = Build(new ClientSuccessSync(ClientSuccessObject.Contact, SyncMode.Upsert), records);

        Assert.All(payloads, p => Assert.Equal(("POST", "/v2/contact/upsert"), (p.Method, p.Url)));
        Assert.Equal(2, payloads.Count);
    }

    [Fact]
    public void Insert_ContactWithoutClientId_FailsAloneAndTheBatchKeepsTheOthers()
    {
        var records = new[]
        {
            TestRecords.Record(1, new { clientId = "cli_1", email = "a@example.com" }),
            TestRecords.Record(2, new { email = "orphan@example.com" }),
            TestRecords.Record(3, new { clientId = "cli_1", email = "c@example.com" }),
        };

        var payloads = Build(new ClientSuccessSync(ClientSuccessObject.Contact, SyncMode.Insert), records);

        Assert.Equal("Contact requires clientId: the record has no value for it", payloads[0].Error);
        Assert.Equal([1L, 3L], payloads[1].RecordIds);
    }

    [Fact]
    public void FieldMapping_RenamesDatasetFieldsAndDropsUnmapped()
    {
        var mapping = new Dictionary<string, string> { ["company"] = "name", ["website"] = "siteUrl" };
        var record = TestRecords.Record(1, new { company = "Acme", website = "https://acme.test", secret = "x" });

        var payload = Build(new ClientSuccessSync(ClientSuccessObject.Client, SyncMode.Upsert, mapping), [record]).Single();

        Assert.Equal("""{"name":"Acme","siteUrl":"https://acme.test"}""", payload.Body);
    }

    [Fact]
    public void Update_WithMapping_StillTakesTheUuidFromTheRow()
    {
        var mapping = new Dictionary<string, string> { ["company"] = "name" };
        var record = TestRecords.Record(1, new { uuid = "cli_9", company = "Acme" });

        var payload = Build(new ClientSuccessSync(ClientSuccessObject.Client, SyncMode.Update, mapping), [record]).Single();

        Assert.Equal("/v2/client/cli_9", payload.Url);
        Assert.Equal("""{"name":"Acme"}""", payload.Body);
    }

    [Theory]
    [InlineData("2024-13-01")]
    [InlineData("03/01/2024")]
    public void Contract_DateNotYyyyMmDd_RecordFails(string startDate)
    {
        var record = TestRecords.Record(1, new { clientId = "cli_1", startDate });

        var payload = Build(new ClientSuccessSync(ClientSuccessObject.Contract, SyncMode.Insert), [record]).Single();

        Assert.Equal($"startDate must be a date written as YYYY-MM-DD, not \"{startDate}\"", payload.Error);
    }

    [Fact]
    public void DefaultFields_FollowTheSeed()
    {
        Assert.Equal(["name", "status", "externalId", "siteUrl", "street", "city", "state", "zip", "country"],
            ClientSuccessFields.For(ClientSuccessObject.Client).Select(f => f.Name));
        Assert.Equal(["clientId"], ClientSuccessFields.Required(ClientSuccessObject.Contact));
        Assert.Equal(["clientId"], ClientSuccessFields.Required(ClientSuccessObject.Contract));
        Assert.Equal(["name"], ClientSuccessFields.Required(ClientSuccessObject.Client));
        Assert.Equal("number", ClientSuccessFields.For(ClientSuccessObject.Contract).Single(f => f.Name == "amount").Type);
    }
}
