using System.Diagnostics;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FlowStudio.Engine.Tests.Http;

public sealed class RateBudgetTests
{
    private static ApiClient CreateSut() => new(new HttpClient(), new ConnectorAuthenticator(TimeProvider.System), TimeProvider.System);

    private static Connection Rest(TestPeer peer) => new("rest", peer.BaseAddress, new Dictionary<string, string> { ["authType"] = "none" });

    [Fact]
    public async Task SendAsync_TwentyRequestsAtTenPerSecond_TakeAtLeastNineteenIntervals()
    {
        var calls = 0;
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/items", () => Results.Json(new { call = Interlocked.Increment(ref calls) })));
        var budgets = new RateBudgets(new Dictionary<string, double> { ["cred-1"] = 10 }, TimeProvider.System);
        var retry = new RetryOptions { RateBudget = budgets.For("cred-1", "rest") };
        var client = CreateSut();

        var watch = Stopwatch.StartNew();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.SendAsync(Rest(peer), new ApiRequest(HttpMethod.Get, "/items"), retry)));
        watch.Stop();

        Assert.All(responses, r => Assert.Equal(200, r.StatusCode));
        Assert.Equal(20, calls);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.85), $"20 requests at 10/s went out in {watch.Elapsed}");
    }

    [Fact]
    public async Task SendAsync_RetriesUnderBudget_ShareTheCredentialsBudget()
    {
        var calls = 0;
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/items", () =>
            Interlocked.Increment(ref calls) % 2 == 1 ? Results.Json(new { error = "busy" }, statusCode: 503) : Results.Json(new { ok = true })));
        var budgets = new RateBudgets(new Dictionary<string, double> { ["rest"] = 20 }, TimeProvider.System);
        var retry = new RetryOptions { BaseDelay = TimeSpan.Zero, MaxRetries = 3, RateBudget = budgets.For("cred-2", "rest") };
        var client = CreateSut();

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(200, (await client.SendAsync(Rest(peer), new ApiRequest(HttpMethod.Get, "/items"), retry)).StatusCode);
        }

        // 10 attempts (each request fails once) at 20/s: the retries waited for the budget too.
        Assert.Equal(10, calls);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.4), $"10 attempts at 20/s went out in {watch.Elapsed}");
    }

    [Fact]
    public void For_CredentialLimitWinsOverConnectorAndZeroIsUnlimited()
    {
        var budgets = new RateBudgets(new Dictionary<string, double> { ["clari"] = 5, ["cred-fast"] = 50, ["cred-free"] = 0 }, TimeProvider.System);

        Assert.Equal(50, budgets.For("cred-fast", "clari")!.RequestsPerSecond);
        Assert.Equal(5, budgets.For("cred-other", "clari")!.RequestsPerSecond);
        Assert.Same(budgets.For("cred-other", "clari"), budgets.For("cred-other", "clari"));
        Assert.Null(budgets.For("cred-free", "clari"));
        Assert.Null(budgets.For("cred-rest", "rest"));
    }

    [Fact]
    public async Task WaitAsync_CancelledWhileWaiting_Throws()
    {
        var budget = new RateBudget(1, TimeProvider.System);
        await budget.WaitAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => budget.WaitAsync(cancel.Token).AsTask());
    }
}
