using System.Collections.Concurrent;
using System.Diagnostics;
using FlowStudio.Engine.Http;
using FlowStudio.Web.Tests.Features.Engine;
using FlowStudio.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Features.Credentials;

/// <summary>A credential's rate budget held in the database: instances sharing the database share it.</summary>
public sealed class SharedRateBudgetTests(TwoInstances apps) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task WaitAsync_TwoInstancesSixtyWaitsEach_TogetherStayWithinTheLimit()
    {
        var first = Budget(apps.First, "cred-shared");
        var second = Budget(apps.Second, "cred-shared");
        // Each instance has run its statement once (compiled, connected), as a running instance has.
        await first.WaitAsync();
        await second.WaitAsync();
        var watch = Stopwatch.StartNew();
        var released = new ConcurrentBag<TimeSpan>();

        await Task.WhenAll(Enumerable.Range(0, 60).SelectMany(_ => new[] { first, second }).Select(async budget =>
        {
            await budget.WaitAsync();
            released.Add(watch.Elapsed);
        }));

        // 120 requests at 20/s, one at once after a quiet spell: 119 intervals of 50 ms. Each instance alone would let
        // its 60 go in 3 s, 40 a second between them.
        var times = released.Order().ToList();
        Assert.True(times[^1] >= TimeSpan.FromSeconds(5.5), $"120 requests at 20/s on two instances went in {times[^1]}");
        var busiest = times.Max(start => times.Count(t => t >= start && t < start + TimeSpan.FromSeconds(1)));
        // The limit and the burst, and a few timers that fire late on a loaded machine.
        Assert.True(busiest <= 20 + 1 + 3, $"{busiest} requests went within one second at 20/s: {string.Join(", ", times.Select(t => (int)t.TotalMilliseconds))}");
    }

    [Fact]
    public async Task WaitAsync_Cancelled_ThrowsOperationCanceled()
    {
        var budget = Budget(apps.Second, "cred-slow");
        await budget.WaitAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => budget.WaitAsync(cancel.Token).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => budget.WaitAsync(new CancellationToken(canceled: true)).AsTask());
    }

    [Fact]
    public async Task Run_UnlimitedCredential_NeverQueriesTheBudgets()
    {
        using var client = apps.First.CreateClient();
        var before = apps.FirstBudgetStatements;

        // A ClientSuccess source run: 300 pulses read page by page with an unlimited credential.
        await Flows.PulsesDatasetAsync(client);

        Assert.Equal(before, apps.FirstBudgetStatements);
        Assert.False(await HasBudgetAsync(await client.CredentialIdAsync("ClientSuccess Sandbox")));
        // A limited credential's wait is a statement the same log shows.
        await Budget(apps.First, "cred-logged").WaitAsync();
        Assert.True(apps.FirstBudgetStatements > before);
    }

    [Fact]
    public async Task SendTestData_LimitedCredential_TakesItsRequestFromTheSharedBudget()
    {
        using var client = apps.First.CreateClient();
        var destinationId = await EngineFlows.ClariUploadAsync(client, await Flows.ClariAccountsDatasetAsync(client, 3));

        await client.PostJsonAsync($"/api/destinations/{destinationId}/test", new { }, 200);

        Assert.True(await HasBudgetAsync(await client.CredentialIdAsync("Clari Sandbox")));
    }

    private async Task<bool> HasBudgetAsync(string credentialId)
    {
        using var scope = apps.Second.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<FlowStudioDb>().RateBudgets.AnyAsync(b => b.Key == credentialId);
    }

    private static IRateBudget Budget(FlowStudioApp app, string credentialId) =>
        app.Services.GetRequiredService<RateBudgets>().For(credentialId, "rest")!;
}
