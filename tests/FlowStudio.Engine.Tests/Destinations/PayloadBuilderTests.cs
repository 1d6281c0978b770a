using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Scripting;
using FlowStudio.Engine.Tests.Support;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Tests.Destinations;

public sealed class PayloadBuilderTests
{
    private static PayloadBuilder CreateSut(TimeProvider? time = null) =>
        new(new JintScriptEvaluator(), time ?? new ManualTimeProvider());

    private static DestinationConfig Batched(string algorithm = GroupingAlgorithms.Property) => new()
    {
        Url = "https://api.example.test/v2/client/bulk",
        Batching = new BatchingOptions
        {
            Enabled = true,
            Algorithm = algorithm,
            PropertyName = "records",
            OtherProps = """{"sourceEntity":"account"}""",
        },
    };

    [Fact]
    public void Build_250RecordsWithPropertyGrouping_Sends100_100_50()
    {
        var payloads = CreateSut().Build(Batched(), TestRecords.Clients(250)).ToList();

        Assert.Equal([100, 100, 50], payloads.Select(p => p.RecordIds.Count));
        Assert.All(payloads, p => Assert.True(p.CanSend));
        var body = JObject.Parse(payloads[2].Body);
        Assert.Equal(["records", "sourceEntity"], body.Properties().Select(p => p.Name));
        Assert.Equal("account", (string?)body["sourceEntity"]);
        Assert.Equal(50, ((JArray)body["records"]!).Count);
        Assert.Equal("Client 201", (string?)body["records"]![0]!["name"]);
        Assert.Equal(Enumerable.Range(201, 50).Select(i => (long)i), payloads[2].RecordIds);
    }

    [Fact]
    public void Build_OtherPropsTypedAsText_IsParsed()
    {
        var config = Batched() with { Batching = Batched().Batching with { OtherProps = "{\"mode\":\"incremental\"}" } };

        var payload = CreateSut().Build(config, TestRecords.Clients(2)).Single();

        Assert.Equal("incremental", (string?)JObject.Parse(payload.Body)["mode"]);
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, GroupingAlgorithms.Property)]
    [InlineData(true, GroupingAlgorithms.Code)]
    public void Build_ExcludedAttributes_AreInNoBody(bool batching, string? algorithm)
    {
        var config = Batched(algorithm ?? GroupingAlgorithms.Property) with
        {
            ExcludeAttributes = ["internalNote", "modifiedTime"],
            Batching = Batched(algorithm ?? GroupingAlgorithms.Property).Batching with
            {
                Enabled = batching,
                Code = "function group(records) { return { all: records }; }",
            },
        };

        var payloads = CreateSut().Build(config, TestRecords.Clients(120)).ToList();

        Assert.NotEmpty(payloads);
        Assert.All(payloads, p =>
        {
            Assert.True(p.CanSend, p.Error);
            Assert.DoesNotContain("internalNote", p.Body);
            Assert.DoesNotContain("modifiedTime", p.Body);
            Assert.Contains("createdTime", p.Body);
        });
    }

    [Fact]
    public void Build_NoBatching_OneRequestPerRecordWithTheRecordAsBody()
    {
        var config = new DestinationConfig { Url = "/v2/client", Headers = new Dictionary<string, string> { ["X-Source"] = "flowstudio" } };

        var payloads = CreateSut().Build(config, TestRecords.Clients(3)).ToList();

        Assert.Equal(3, payloads.Count);
        Assert.Equal("POST", payloads[0].Method);
        Assert.Equal("/v2/client", payloads[0].Url);
        Assert.Equal(RequestBodyKind.Json, payloads[0].Kind);
        Assert.Equal("flowstudio", payloads[0].Headers["X-Source"]);
        Assert.Equal(TestRecords.Client(2).ToString(Newtonsoft.Json.Formatting.None), payloads[1].Body);
        Assert.Equal([2L], payloads[1].RecordIds);
    }

    [Fact]
    public void Build_UrlWithRecordField_OneRequestPerRecordWithItsValue()
    {
        var config = new DestinationConfig
        {
            Method = "put",
            Url = "https://api.clientsuccess.com/v2/contact/{contact_id}?notify=false",
            ExcludeAttributes = ["contact_id"],
        };
        var records = new[]
        {
            TestRecords.Record(7, new { contact_id = "cnt_a b", email = "a@example.com" }),
            TestRecords.Record(8, new { contact_id = 42, email = "b@example.com" }),
        };

        var payloads = CreateSut().Build(config, records).ToList();

        Assert.Equal("https://api.clientsuccess.com/v2/contact/cnt_a%20b?notify=false", payloads[0].Url);
        Assert.Equal("https://api.clientsuccess.com/v2/contact/42?notify=false", payloads[1].Url);
        Assert.Equal("PUT", payloads[0].Method);
        Assert.Equal("""{"email":"a@example.com"}""", payloads[0].Body);
    }

    [Fact]
    public void Build_UrlFieldMissing_ThatRecordFailsAndTheRestAreBuilt()
    {
        var config = new DestinationConfig { Method = "PATCH", Url = "/v2/contact/{contact_id}" };
        var records = new[]
        {
            TestRecords.Record(1, new { contact_id = "cnt_1" }),
            TestRecords.Record(2, new { email = "no-id@example.com" }),
            TestRecords.Record(3, new { contact_id = "cnt_3" }),
        };

        var payloads = CreateSut().Build(config, records).ToList();

        Assert.Equal([true, false, true], payloads.Select(p => p.CanSend));
        Assert.Equal("URL macro {contact_id}: the record has no field contact_id", payloads[1].Error);
        Assert.Equal([2L], payloads[1].RecordIds);
    }

    [Fact]
    public void Build_DateMacroInUrl_UsesTheClock()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 3, 15, 10, 30, 0, TimeSpan.Zero));
        var config = Batched() with { Url = "/v2/ingest/entity/account?since={now-1}" };

        var payload = CreateSut(time).Build(config, TestRecords.Clients(1)).Single();

        Assert.StartsWith("/v2/ingest/entity/account?since=2026-03-14", payload.Url);
    }

    [Fact]
    public void Build_CodeGrouping_BodyIsWhatGroupReturns()
    {
        var config = Batched(GroupingAlgorithms.Code) with
        {
            ExcludeAttributes = ["internalNote"],
            Batching = Batched().Batching with
            {
                Algorithm = GroupingAlgorithms.Code,
                BatchSize = 2,
                Code = """
                    function group(records) {
                      return [{ sourceEntity: 'account',
                                records: records.map(function (r) { return { id: r.uuid, size: records.length, note: r.internalNote }; }) }];
                    }
                    """,
            },
        };

        var payloads = CreateSut().Build(config, TestRecords.Clients(3)).ToList();

        Assert.Equal(2, payloads.Count);
        Assert.Equal("""[{"sourceEntity":"account","records":[{"id":"cli_000001","size":2},{"id":"cli_000002","size":2}]}]""", payloads[0].Body);
        Assert.Equal([3L], payloads[1].RecordIds);
    }

    [Fact]
    public async Task BuildPageAsync_CodeGrouping_SamePayloadsAsBuild_AFailingBatchFailsAlone()
    {
        var config = Batched() with
        {
            Shape = new RecordShape(null, [new RequiredField("externalId", "Needs an external id")], []),
            Batching = Batched().Batching with
            {
                Algorithm = GroupingAlgorithms.Code,
                BatchSize = 3,
                Code = "function group(records) {\n  if (records.some(r => r.id === 8)) { throw new Error('no 8'); }\n  return { first: records[0].id, records };\n}",
            },
        };
        var records = TestRecords.Clients(11);
        records[4] = new DeliveryRecord(5, new JObject { ["id"] = 5, ["name"] = "No external id" });

        var page = await CreateSut().BuildPageAsync(config, records);

        var expected = CreateSut().Build(config, records).ToList();
        Assert.Equal(expected.Select(p => (p.Body, p.Error, string.Join(",", p.RecordIds))), page.Select(p => (p.Body, p.Error, string.Join(",", p.RecordIds))));
        Assert.Equal(["1,2,3", "5", "4,6,7", "8,9,10", "11"], page.Select(p => string.Join(",", p.RecordIds)));
        Assert.Equal("Needs an external id", page[1].Error);
        Assert.StartsWith("Code: Error at line 2", page[3].Error);
        Assert.Equal(4L, (long)JObject.Parse(page[2].Body)["first"]!);
        Assert.Equal("Client 11", (string?)JObject.Parse(page[4].Body)["records"]![0]!["name"]);
    }

    [Fact]
    public void Build_GroupingCodeFails_BatchFailsWithTheScriptError()
    {
        var config = Batched() with
        {
            Batching = Batched().Batching with
            {
                Algorithm = GroupingAlgorithms.Code,
                Code = "function group(records) {\n  return records[0].missing.deeper;\n}",
            },
        };

        var payload = CreateSut().Build(config, TestRecords.Clients(5)).Single();

        Assert.False(payload.CanSend);
        Assert.StartsWith("Code: TypeError at line 2", payload.Error);
        Assert.Equal(5, payload.RecordIds.Count);
    }

    [Fact]
    public void Build_IsLazy_TakingOneSampleReadsOnlyTheFirstBatch()
    {
        var read = 0;
        IEnumerable<DeliveryRecord> Records()
        {
            foreach (var record in TestRecords.Clients(1000))
            {
                read++;
                yield return record;
            }
        }

        var sample = CreateSut().Build(Batched(), Records()).Take(1).ToList();

        Assert.Single(sample);
        Assert.Equal(100, read);
    }

    [Fact]
    public void Build_Delete_SendsNoBody()
    {
        var config = new DestinationConfig { Method = "DELETE", Url = "/v2/contact/{uuid}" };

        var payload = CreateSut().Build(config, [TestRecords.Record(1, new { uuid = "cnt_1", name = "x" })]).Single();

        Assert.Equal(RequestBodyKind.None, payload.Kind);
        Assert.Equal("", payload.Body);
        Assert.Equal("/v2/contact/cnt_1", payload.Url);
        Assert.Null(payload.ToRequest().Body);
    }

    [Fact]
    public void Build_StoredRecordsGoIntoTheBatchExactlyAsStored()
    {
        // Date-like strings, trailing zeros and unicode survive: the stored text is written as it is, never re-parsed.
        const string stored = """{"id":"acc-1","when":"2024-03-01T10:00:00.000+02:00","amount":1.50,"name":"Zoë \u00e9"}""";

        var payload = CreateSut().Build(Batched(), [DeliveryRecord.FromJson(7, stored)]).Single();

        Assert.Equal("{\"records\":[" + stored + "],\"sourceEntity\":\"account\"}", payload.Body);
        Assert.Equal([7L], payload.RecordIds);
    }

    [Fact]
    public void Build_StoredRecordWithExcludedAttribute_KeepsDateStringsAsText()
    {
        const string stored = """{"id":"acc-1","when":"2024-03-01T10:00:00.000+02:00","secret":"x"}""";
        var config = Batched() with { ExcludeAttributes = ["secret"] };

        var payload = CreateSut().Build(config, [DeliveryRecord.FromJson(1, stored)]).Single();

        Assert.Equal("""{"records":[{"id":"acc-1","when":"2024-03-01T10:00:00.000+02:00"}],"sourceEntity":"account"}""", payload.Body);
    }

    [Fact]
    public void Build_OtherPropNamedLikeThePropertyName_TakesTheBatchsPlace()
    {
        var config = Batched() with { Batching = Batched().Batching with { OtherProps = """{"records":"none","mode":"x"}""" } };

        var payload = CreateSut().Build(config, TestRecords.Clients(2)).Single();

        Assert.Equal("""{"records":"none","mode":"x"}""", payload.Body);
    }

    [Fact]
    public void Build_TemplateBody_RecordsGoWhereRecordsIsWritten()
    {
        var config = new DestinationConfig
        {
            Url = "/v2/ingest/entity/account",
            Batching = new BatchingOptions { Enabled = true, BatchSize = 2 },
            BodyTemplate = JToken.Parse("""[{"sourceEntity":"account","records":"$records","n":1}]"""),
        };

        var payloads = CreateSut().Build(config, [DeliveryRecord.FromJson(1, """{"id":"a"}"""), DeliveryRecord.FromJson(2, """{"id":"b"}"""), DeliveryRecord.FromJson(3, """{"id":"c"}""")]).ToList();

        Assert.Equal("""[{"sourceEntity":"account","records":[{"id":"a"},{"id":"b"}],"n":1}]""", payloads[0].Body);
        Assert.Equal("""[{"sourceEntity":"account","records":[{"id":"c"}],"n":1}]""", payloads[1].Body);
    }

    [Fact]
    public void Build_JsonArrayGrouping_BodyIsTheBatchItself()
    {
        var config = Batched(GroupingAlgorithms.Array) with { Batching = Batched(GroupingAlgorithms.Array).Batching with { BatchSize = 2 } };

        var payloads = CreateSut().Build(config, [DeliveryRecord.FromJson(1, """{"id":"a"}"""), DeliveryRecord.FromJson(2, """{"id":"b"}"""), DeliveryRecord.FromJson(3, """{"id":"c"}""")]).ToList();

        Assert.Equal(["""[{"id":"a"},{"id":"b"}]""", """[{"id":"c"}]"""], payloads.Select(p => p.Body));
        Assert.Empty(new DestinationValidator(new JintScriptEvaluator()).Validate(config with { Batching = config.Batching with { PropertyName = null, OtherProps = null } }));
    }
}
