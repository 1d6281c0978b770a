using System.Diagnostics;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FlowStudio.Engine.Tests.Http;

public sealed class ApiClientTests
{
    private static readonly RetryOptions Fast = new() { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromSeconds(5) };

    private static ApiClient CreateSut() => new(new HttpClient(), new ConnectorAuthenticator(TimeProvider.System), TimeProvider.System);

    private static Connection Rest(TestPeer peer, Dictionary<string, string>? fields = null) =>
        new("rest", peer.BaseAddress, fields ?? new Dictionary<string, string> { ["authType"] = "none" });

    [Fact]
    public async Task SendAsync_TooManyRequestsWithRetryAfter_WaitsThenSucceeds()
    {
        var calls = 0;
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/items", (HttpContext http) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                http.Response.Headers.RetryAfter = "1";
                return Results.Json(new { error = "API rate limit exceeded" }, statusCode: 429);
            }

            return Results.Json(new[] { new { id = 1 } });
        }));

        var watch = Stopwatch.StartNew();
        var response = await CreateSut().SendAsync(Rest(peer), new ApiRequest(HttpMethod.Get, "/items"), Fast);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, calls);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited only {watch.Elapsed}");
    }

    [Fact]
    public async Task SendAsync_ServerErrorEveryTime_ReturnsLastResponseAfterAllAttempts()
    {
        var calls = 0;
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/items", () =>
            Results.Json(new { message = $"down {Interlocked.Increment(ref calls)}" }, statusCode: 503)));

        var response = await CreateSut().SendAsync(Rest(peer), new ApiRequest(HttpMethod.Get, "/items"), Fast with { MaxRetries = 2 });

        Assert.Equal(503, response.StatusCode);
        Assert.Equal(3, response.Attempts);
        Assert.Equal(3, calls);
        Assert.Contains("down 3", response.Body, StringComparison.Ordinal);
        Assert.Null(response.TransportError);
    }

    [Fact]
    public async Task SendAsync_NotFound_IsNotRetried()
    {
        var calls = 0;
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/items", () =>
            Results.Json(new { message = "no such thing", call = Interlocked.Increment(ref calls) }, statusCode: 404)));

        var response = await CreateSut().SendAsync(Rest(peer), new ApiRequest(HttpMethod.Get, "/items"), Fast);

        Assert.Equal(404, response.StatusCode);
        Assert.Equal(1, response.Attempts);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task SendAsync_ConnectionDroppedOnce_RetriesAndSucceeds()
    {
        var calls = 0;
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/items", (HttpContext http) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                http.Abort();
                return Results.Empty;
            }

            return Results.Text("ok");
        }));

        var response = await CreateSut().SendAsync(Rest(peer), new ApiRequest(HttpMethod.Get, "/items"), Fast);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("ok", response.Body);
        Assert.Equal(2, response.Attempts);
    }

    [Fact]
    public async Task SendAsync_ConnectionAlwaysDropped_ReturnsTransportErrorWithStatusZero()
    {
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/items", (HttpContext http) =>
        {
            http.Abort();
            return Results.Empty;
        }));

        var response = await CreateSut().SendAsync(Rest(peer), new ApiRequest(HttpMethod.Get, "/items"), Fast with { MaxRetries = 1 });

        Assert.Equal(0, response.StatusCode);
        Assert.Equal(2, response.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(response.TransportError));
    }

    [Fact]
    public async Task SendAsync_AttemptSlowerThanTimeout_IsAbandonedAndRetried()
    {
        var calls = 0;
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/items", async (HttpContext http) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), http.RequestAborted);
            }

            return Results.Text("fast");
        }));

        var watch = Stopwatch.StartNew();
        var response = await CreateSut().SendAsync(
            Rest(peer),
            new ApiRequest(HttpMethod.Get, "/items"),
            Fast with { AttemptTimeout = TimeSpan.FromSeconds(1) });

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("fast", response.Body);
        // The slow first attempt is abandoned; on a loaded machine a cold second attempt may also time out once.
        Assert.InRange(response.Attempts, 2, 3);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task SendAsync_EveryAttemptTimesOut_ReportsTimeout()
    {
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/items", async (HttpContext http) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), http.RequestAborted);
            return Results.Text("late");
        }));

        var response = await CreateSut().SendAsync(
            Rest(peer),
            new ApiRequest(HttpMethod.Get, "/items"),
            Fast with { MaxRetries = 1, AttemptTimeout = TimeSpan.FromMilliseconds(200) });

        Assert.Equal(0, response.StatusCode);
        Assert.Equal(2, response.Attempts);
        Assert.Equal("No response within 0.2 s, in each of 2 attempts.", response.TransportError);
    }

    [Fact]
    public async Task SendAsync_CancelledWhileWaiting_ThrowsOperationCanceled()
    {
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/items", async (HttpContext http) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), http.RequestAborted);
            return Results.Text("late");
        }));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            CreateSut().SendAsync(Rest(peer), new ApiRequest(HttpMethod.Get, "/items"), Fast, cancel.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task SendAsync_CancelledDuringRetryAfterWait_ThrowsOperationCanceled()
    {
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/items", (HttpContext http) =>
        {
            http.Response.Headers.RetryAfter = "20";
            return Results.StatusCode(429);
        }));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            CreateSut().SendAsync(Rest(peer), new ApiRequest(HttpMethod.Get, "/items"), Fast with { MaxDelay = TimeSpan.FromSeconds(30) }, cancel.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task SendAsync_RelativePath_JoinsBaseUrlWithOneSlash()
    {
        string? seen = null;
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/sandbox/clientsuccess/v2/pulse/search", (HttpContext http) =>
        {
            seen = http.Request.Path + http.Request.QueryString;
            return Results.Text("ok");
        }));
        var connection = new Connection("rest", new Uri(peer.Url("/sandbox/clientsuccess/")), new Dictionary<string, string>());

        var response = await CreateSut().SendAsync(connection, new ApiRequest(HttpMethod.Get, "/v2/pulse/search?page=0"), Fast);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("/sandbox/clientsuccess/v2/pulse/search?page=0", seen);
    }

    [Fact]
    public async Task SendAsync_JsonBodyAndCustomHeaders_ArriveAsSent()
    {
        string? body = null;
        string? contentType = null;
        string? custom = null;
        await using var peer = await TestPeer.StartAsync(app => app.MapPost("/items", async (HttpContext http) =>
        {
            body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            contentType = http.Request.ContentType;
            custom = http.Request.Headers["X-Version"];
            return Results.Json(new { ok = true }, statusCode: 201);
        }));
        var headers = new Dictionary<string, string> { ["X-Version"] = "2" };

        var response = await CreateSut().SendAsync(Rest(peer), new ApiRequest(HttpMethod.Post, "/items", headers, """{"name":"Acme"}"""), Fast);

        Assert.Equal(201, response.StatusCode);
        Assert.Equal("""{"name":"Acme"}""", body);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        Assert.Equal("2", custom);
    }

    [Fact]
    public async Task SendAsync_MultipartJsonFile_SendsOneFilePartWithTheBody()
    {
        string? partName = null;
        string? fileText = null;
        await using var peer = await TestPeer.StartAsync(app => app.MapPost("/bulk", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            var file = Assert.Single(form.Files);
            partName = file.Name;
            fileText = await new StreamReader(file.OpenReadStream()).ReadToEndAsync();
            return Results.Json(new { jobId = "j1" }, statusCode: 202);
        }));

        var response = await CreateSut().SendAsync(
            Rest(peer),
            new ApiRequest(HttpMethod.Post, "/bulk", Body: """[{"id":"a"}]""", BodyKind: RequestBodyKind.MultipartJsonFile),
            Fast);

        Assert.Equal(202, response.StatusCode);
        Assert.Equal("FileData", partName);
        Assert.Equal("""[{"id":"a"}]""", fileText);
    }

    [Fact]
    public async Task SendAsync_RetryAfterWait_RunsOnTheInjectedClock()
    {
        var calls = 0;
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/items", (HttpContext http) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                http.Response.Headers.RetryAfter = "30";
                return Results.StatusCode(429);
            }

            return Results.Text("ok");
        }));
        var time = new ManualTimeProvider();
        var api = new ApiClient(new HttpClient(), new ConnectorAuthenticator(time), time);
        var options = new RetryOptions { MaxDelay = TimeSpan.FromMinutes(1), AttemptTimeout = TimeSpan.FromHours(1) };

        var sending = api.SendAsync(Rest(peer), new ApiRequest(HttpMethod.Get, "/items"), options);
        var advanced = TimeSpan.Zero;
        while (!sending.IsCompleted && advanced < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(10);
            time.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
        }

        var response = await sending;
        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, response.Attempts);
        Assert.True(advanced >= TimeSpan.FromSeconds(30), $"retried after only {advanced} of clock time");
        Assert.True(response.Duration >= TimeSpan.FromSeconds(30));
    }
}
