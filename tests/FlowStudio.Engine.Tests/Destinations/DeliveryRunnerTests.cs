using System.Collections.Concurrent;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Scripting;
using FlowStudio.Engine.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Tests.Destinations;

public sealed class DeliveryRunnerTests
{
    private static readonly RetryOptions Fast = new() { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromSeconds(5) };

    private static TestDelivery CreateSut() => new(
        new DeliveryRunner(new ApiClient(new HttpClient(), new ConnectorAuthenticator(TimeProvider.System), TimeProvider.System), TimeProvider.System),
        new PayloadBuilder(new JintScriptEvaluator(), TimeProvider.System));

    private static DeliveryRunner CreateRunner() =>
        new(new ApiClient(new HttpClient(), new ConnectorAuthenticator(TimeProvider.System), TimeProvider.System), TimeProvider.System);

    private static Connection Rest(TestPeer peer) => new("rest", peer.BaseAddress, new Dictionary<string, string> { ["authType"] = "none" });

    private static DestinationConfig Batched(string url = "/ingest") => new()
    {
        Url = url,
        Retry = Fast,
        Batching = new BatchingOptions { Enabled = true, PropertyName = "records" },
    };

    private static async Task<int> CountRecordsAsync(HttpRequest request)
    {
        var body = JObject.Parse(await new StreamReader(request.Body).ReadToEndAsync());
        return ((JArray)body["records"]!).Count;
    }

    [Fact]
    public async Task RunAsync_250Records_EveryRecordReportedSentOnce()
    {
        var received = 0;
        await using var peer = await TestPeer.StartAsync(app => app.MapPost("/ingest", async (HttpRequest request) =>
        {
            Interlocked.Add(ref received, await CountRecordsAsync(request));
            return Results.Ok(new { status = "ok" });
        }));
        var observer = new RecordingObserver();

        var summary = await CreateSut().RunAsync(Rest(peer), Batched(), TestRecords.Clients(250), observer);

        Assert.Equal(250, received);
        Assert.Equal((3, 250, 0), (summary.Requests, summary.RecordsSent, summary.RecordsFailed));
        Assert.Equal(Enumerable.Range(1, 250).Select(i => (long)i), observer.Outcomes.Select(o => o.RecordId).Order());
        Assert.All(observer.Outcomes, o => Assert.Equal((DeliveryOutcome.Sent, 200, 1), (o.Outcome, o.Status, o.Attempts)));
        Assert.Contains("\"ok\"", observer.Results[0].Response!.Body);
    }

    [Fact]
    public async Task RunAsync_ApiRejectsTheRequest_RecordsFailWithTheApiMessage()
    {
        await using var peer = await TestPeer.StartAsync(app => app.MapPost("/ingest", () =>
            Results.Json(new[] { new { errorCode = "INVALID_INPUT_FORMAT", errorSummary = "The number of records limit to 100" } }, statusCode: 400)));
        var observer = new RecordingObserver();

        var summary = await CreateSut().RunAsync(Rest(peer), Batched(), TestRecords.Clients(2), observer);

        Assert.Equal((1, 0, 2), (summary.Requests, summary.RecordsSent, summary.RecordsFailed));
        Assert.All(observer.Outcomes, o =>
            Assert.Equal((DeliveryOutcome.Failed, 400, "HTTP 400: The number of records limit to 100"), (o.Outcome, o.Status, o.Error)));
    }

    [Fact]
    public async Task RunAsync_TooManyRequestsThenOk_RetriesAndSends()
    {
        var calls = 0;
        await using var peer = await TestPeer.StartAsync(app => app.MapPost("/ingest", (HttpContext http) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                http.Response.Headers.RetryAfter = "0";
                return Results.Json(new { error = "API rate limit exceeded" }, statusCode: 429);
            }

            return Results.Ok();
        }));
        var observer = new RecordingObserver();

        await CreateSut().RunAsync(Rest(peer), Batched(), TestRecords.Clients(5), observer);

        Assert.All(observer.Outcomes, o => Assert.Equal((DeliveryOutcome.Sent, 2), (o.Outcome, o.Attempts)));
    }

    [Fact]
    public async Task RunAsync_RecordThatCannotBeBuilt_FailsWithoutARequest()
    {
        var calls = 0;
        await using var peer = await TestPeer.StartAsync(app => app.MapPut("/contacts/{id}", () =>
        {
            Interlocked.Increment(ref calls);
            return Results.Ok();
        }));
        var config = new DestinationConfig { Method = "PUT", Url = "/contacts/{contact_id}", Retry = Fast };
        var records = new[] { TestRecords.Record(1, new { contact_id = "a" }), TestRecords.Record(2, new { email = "x" }) };
        var observer = new RecordingObserver();

        var summary = await CreateSut().RunAsync(Rest(peer), config, records, observer);

        Assert.Equal((1, 1, 1), (summary.Requests, summary.RecordsSent, summary.RecordsFailed));
        Assert.Equal(1, calls);
        var failed = observer.Outcomes.Single(o => o.RecordId == 2);
        Assert.Equal((DeliveryOutcome.Failed, (int?)null, 0), (failed.Outcome, failed.Status, failed.Attempts));
        Assert.Equal("URL macro {contact_id}: the record has no field contact_id", failed.Error);
    }

    [Fact]
    public async Task RunAsync_MaxConcurrency_BoundsRequestsInFlight()
    {
        var inFlight = 0;
        var most = 0;
        await using var peer = await TestPeer.StartAsync(app => app.MapPost("/one", async () =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            await Task.Delay(40);
            Interlocked.Decrement(ref inFlight);
            return Results.Ok();
        }));
        var config = new DestinationConfig { Url = "/one", Retry = Fast };

        var summary = await CreateSut().RunAsync(Rest(peer), config, TestRecords.Clients(12), null,
            new DeliveryRunOptions { MaxConcurrency = 3 });

        Assert.Equal(12, summary.RecordsSent);
        Assert.InRange(most, 2, 3);
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsAndReportsOnlyWhatWasSent()
    {
        using var cancellation = new CancellationTokenSource();
        await using var peer = await TestPeer.StartAsync(app => app.MapPost("/one", () => Results.Ok()));
        var observer = new RecordingObserver(after: 3, cancellation.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSut().RunAsync(
            Rest(peer), new DestinationConfig { Url = "/one", Retry = Fast }, TestRecords.Clients(50), observer,
            cancellationToken: cancellation.Token));

        Assert.Equal(3, observer.Outcomes.Count);
    }

    [Fact]
    public async Task SendTestDataAsync_EditedSample_ReturnsStatusBodyAndDuration()
    {
        await using var peer = await TestPeer.StartAsync(app => app.MapPost("/ingest", async (HttpRequest request) =>
            Results.Json(new { received = await CountRecordsAsync(request) }, statusCode: 201)));
        var sut = CreateRunner();
        var sample = new PayloadBuilder(new JintScriptEvaluator(), TimeProvider.System).Build(Batched(), TestRecords.Clients(3)).First();
        var edited = sample with { Body = """{"records":[{"id":"edited"}]}""" };

        var result = await sut.SendTestDataAsync(Rest(peer), edited);

        Assert.Equal(201, result.Status);
        Assert.Equal("""{"received":1}""", result.ResponseBody);
        Assert.True(result.DurationMs >= 0);
        Assert.Null(result.Error);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }

    private sealed class RecordingObserver(int after = int.MaxValue, Action? then = null) : IDeliveryObserver
    {
        public ConcurrentQueue<DeliveryResult> Queue { get; } = new();

        public List<DeliveryResult> Results => [.. Queue];

        public List<RecordOutcome> Outcomes => Queue.SelectMany(r => r.Records()).ToList();

        public ValueTask OnResultAsync(DeliveryResult result, CancellationToken cancellationToken)
        {
            Queue.Enqueue(result);
            if (Queue.Count == after)
            {
                then?.Invoke();
            }

            return ValueTask.CompletedTask;
        }
    }
}
