using System.Collections.Concurrent;
using FlowStudio.Engine.Macros;
using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Sources;
using FlowStudio.Engine.Templates;
using FlowStudio.Engine.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FlowStudio.Engine.Tests.Sources;

public sealed class SourceReaderTests
{
    private static IReadOnlyDictionary<string, string> Row(string id, string name) => new Dictionary<string, string> { ["id"] = id, ["name"] = name };

    [Fact]
    public async Task ReadAsync_DateMacroInUrl_CallsTheExpandedUrl()
    {
        var seen = new ConcurrentQueue<string>();
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/v2/client/search", (HttpContext http) =>
        {
            seen.Enqueue(http.Request.QueryString.Value!);
            return Results.Json(new { data = new[] { new { id = 1 } } });
        }));
        var reader = SourceTestKit.CreateReader(new ManualTimeProvider());
        var config = new SourceConfig
        {
            Url = "/v2/client/search?modifiedAfter={now-1}&until=(now)",
            DataPath = "$.data[*]",
            DateFormat = MacroDateFormats.Date,
            TimeUnit = "day",
        };

        var (records, requests) = await reader.ReadAllAsync(SourceTestKit.NoAuth(peer.BaseAddress), config);

        Assert.Single(records);
        Assert.Equal("?modifiedAfter=2026-03-14&until=2026-03-15", Assert.Single(seen));
        Assert.Equal(peer.Url("/v2/client/search?modifiedAfter=2026-03-14&until=2026-03-15"), Assert.Single(requests).Url);
    }

    [Fact]
    public async Task ReadAsync_LookupMacro_CallsOncePerRowAndTagsRecords()
    {
        var seen = new ConcurrentQueue<string>();
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/clients/{id}/notes", (string id) =>
        {
            seen.Enqueue(id);
            return Results.Json(new[] { new { note = $"first of {id}" }, new { note = $"second of {id}" } });
        }));
        var rows = new[] { Row("10", "Acme"), Row("20", "Globex"), Row("30", "Initech") };
        var config = new SourceConfig { Url = "/clients/{clients.id}/notes" };

        var (records, requests) = await SourceTestKit.CreateReader().ReadAllAsync(SourceTestKit.NoAuth(peer.BaseAddress), config, rows);

        Assert.Equal(3, requests.Count);
        Assert.Equal(["10", "20", "30"], seen.ToArray());
        Assert.Equal(6, records.Count);
        Assert.Equal(["10", "10", "20", "20", "30", "30"], records.Select(r => r.LookupKey));
        Assert.All(records, r => Assert.Equal(r.LookupKey, (string)r.Data["_lookupKey"]!));
        Assert.Equal("second of 20", (string)records[3].Data["note"]!);
    }

    [Fact]
    public async Task ReadAsync_LookupKeyColumnGiven_TagsWithThatColumn()
    {
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/clients/{id}", (string id) => Results.Json(new { id })));
        var config = new SourceConfig { Url = "/clients/{clients.id}" };

        var (records, _) = await SourceTestKit.CreateReader().ReadAllAsync(
            SourceTestKit.NoAuth(peer.BaseAddress), config, [Row("1", "Acme"), Row("2", "Globex")], "name");

        Assert.Equal(["Acme", "Globex"], records.Select(r => r.LookupKey));
    }

    [Fact]
    public async Task ReadAsync_LookupMacroWithoutLookup_ReportsTheUrl()
    {
        var config = new SourceConfig { Url = "https://api.example.com/clients/{clients.id}" };

        var error = await Assert.ThrowsAsync<InvalidSourceException>(() =>
            SourceTestKit.CreateReader().ReadAllAsync(SourceTestKit.NoAuth(new Uri("http://127.0.0.1:9")), config));

        Assert.Equal("url", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public async Task ReadAsync_ApiFailsAfterRetries_ThrowsWithStatusAndBody()
    {
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/items", () =>
            Results.Json(new { code = "bad_request", message = "sortBy is not a field" }, statusCode: 400)));
        var config = new SourceConfig { Url = "/items?sortBy=nope" };

        var error = await Assert.ThrowsAsync<SourceRequestException>(() =>
            SourceTestKit.CreateReader().ReadAllAsync(SourceTestKit.NoAuth(peer.BaseAddress), config));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("sortBy is not a field", error.ResponseBody, StringComparison.Ordinal);
        Assert.Contains("HTTP 400", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NonJsonSuccessBody_ThrowsNamingTheProblem()
    {
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/items", () => Results.Text("Update successful")));

        var error = await Assert.ThrowsAsync<SourceRequestException>(() =>
            SourceTestKit.CreateReader().ReadAllAsync(SourceTestKit.NoAuth(peer.BaseAddress), new SourceConfig { Url = "/items" }));

        Assert.Equal(200, error.StatusCode);
        Assert.Contains("neither valid JSON nor XML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_InvalidConfig_ThrowsEveryFieldError()
    {
        var config = new SourceConfig { Url = "api.example.com/x?d={nowx}", DataPath = "$.data[" };

        var error = await Assert.ThrowsAsync<InvalidSourceException>(() =>
            SourceTestKit.CreateReader().ReadAllAsync(SourceTestKit.NoAuth(new Uri("http://127.0.0.1:9")), config));

        Assert.Contains(error.Errors, e => e.Field == "url" && e.Message.Contains("{nowx}", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Field == "dataPath");
    }

    [Fact]
    public async Task ReadAsync_Streaming_AsksForTheNextPageWhileThisOneIsUsedAndNothingPastTheLast()
    {
        var served = 0;
        var secondAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstUsed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/items", async (HttpContext http) =>
        {
            Interlocked.Increment(ref served);
            var page = int.Parse(http.Request.Query["page"]!, System.Globalization.CultureInfo.InvariantCulture);
            if (page == 1)
            {
                // The second page is answered only once the first one's records are in use.
                secondAsked.TrySetResult();
                await firstUsed.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }

            return Results.Json(new { data = Enumerable.Range(page * 2, 2).Select(i => new { id = i }), last = page == 2 });
        }));
        var config = new SourceConfig
        {
            Url = "/items",
            DataPath = "$.data[*]",
            Pagination = new PaginationSpec { Type = PaginationTypes.PageSize, PageParam = "page", SizeParam = "size", Size = 2, LastPath = "$.last" },
        };

        var ids = new List<string?>();
        await foreach (var record in SourceTestKit.CreateReader().ReadAsync(SourceTestKit.NoAuth(peer.BaseAddress), config, null, null, null, CancellationToken.None))
        {
            if (ids.Count == 0)
            {
                await secondAsked.Task.WaitAsync(TimeSpan.FromSeconds(30));
                firstUsed.TrySetResult();
            }

            ids.Add(record.FieldText("id"));
        }

        Assert.Equal(["0", "1", "2", "3", "4", "5"], ids);
        Assert.Equal(3, served);
    }

    [Fact]
    public async Task ReadAsync_PostWithBodyAndHeaders_SendsThemOnEveryPage()
    {
        var bodies = new ConcurrentQueue<string>();
        await using var peer = await TestPeer.StartAsync(app => app.MapPost("/search", async (HttpContext http) =>
        {
            bodies.Enqueue(await new StreamReader(http.Request.Body).ReadToEndAsync() + "|" + http.Request.Headers["X-Version"]);
            var offset = int.Parse(http.Request.Query["offset"]!, System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new { rows = Enumerable.Range(offset, offset == 0 ? 5 : 1).Select(i => new { i }) });
        }));
        var config = new SourceConfig
        {
            Method = "POST",
            Url = "/search",
            Body = """{"filter":"active"}""",
            Headers = new Dictionary<string, string> { ["X-Version"] = "3" },
            DataPath = "$.rows[*]",
            Pagination = new PaginationSpec { Type = PaginationTypes.Offset, OffsetParam = "offset", SizeParam = "limit", Size = 5 },
        };

        var (records, _) = await SourceTestKit.CreateReader().ReadAllAsync(SourceTestKit.NoAuth(peer.BaseAddress), config);

        Assert.Equal(6, records.Count);
        Assert.Equal(["""{"filter":"active"}|3""", """{"filter":"active"}|3"""], bodies.ToArray());
    }

    [Fact]
    public async Task SampleAsync_FirstPage_GivesRecordsMetadataSuggestionsAndTheRequest()
    {
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/items", () =>
            Results.Json(new { data = Enumerable.Range(0, 5).Select(i => new { id = i }), totalElements = 50, last = false })));
        var config = new SourceConfig
        {
            Url = "/items",
            DataPath = "$.data[*]",
            MetadataPath = "$.totalElements",
            Pagination = new PaginationSpec { Type = PaginationTypes.PageSize, PageParam = "page", SizeParam = "size", Size = 5, LastPath = "$.last" },
        };

        var sample = await SourceTestKit.CreateReader().SampleAsync(SourceTestKit.NoAuth(peer.BaseAddress), config, maxRecords: 3);

        Assert.Equal(3, sample.Records.Count);
        Assert.Equal(50, (int)sample.Metadata!);
        Assert.Equal(50, (int)sample.Records[0]["_metadata"]!);
        Assert.Equal("$.data[*]", sample.Suggestions[0]);
        var request = Assert.Single(sample.Requests);
        Assert.Equal(("GET", 200), (request.Method, request.Status));
        Assert.Contains("page=0&size=5", request.Url, StringComparison.Ordinal);
    }

    private const string ExactValues = """{"data":[{"id":"c-1","price":1.10,"big":12345678901234567890123,"tiny":0.000001,"at":"2024-01-01T00:00:00.000+02:00","name":"Café ☕"}],"total":2.50}""";

    [Fact]
    public async Task ReadAsync_NumbersAndDates_RecordJsonKeepsTheirText()
    {
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/items", () => Results.Text(ExactValues, "application/json")));
        var config = new SourceConfig { Url = "/items", DataPath = "$.data[*]", MetadataPath = "$.total" };

        var (records, _) = await SourceTestKit.CreateReader().ReadAllAsync(SourceTestKit.NoAuth(peer.BaseAddress), config);

        Assert.Equal(
            """{"id":"c-1","price":1.10,"big":12345678901234567890123,"tiny":0.000001,"at":"2024-01-01T00:00:00.000+02:00","name":"Café ☕","_metadata":2.50}""",
            Assert.Single(records).Json);
    }

    [Fact]
    public async Task SampleAsync_NumbersAndDates_SampleNodesKeepTheirText()
    {
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/items", () => Results.Text(ExactValues, "application/json")));
        var config = new SourceConfig { Url = "/items", DataPath = "$.data[*]", MetadataPath = "$.total" };

        var sample = await SourceTestKit.CreateReader().SampleAsync(SourceTestKit.NoAuth(peer.BaseAddress), config);

        Assert.Equal(
            """{"id":"c-1","price":1.10,"big":12345678901234567890123,"tiny":0.000001,"at":"2024-01-01T00:00:00.000+02:00","name":"Café ☕","_metadata":2.50}""",
            JsonText.Compact(Assert.Single(sample.Records)));
        Assert.Equal("2.50", JsonText.Compact(sample.Metadata));
    }
}
