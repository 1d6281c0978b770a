using FlowStudio.Web.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FlowStudio.Web.Tests.Features.Cluster;

/// <summary>The change feed across two instances on one PostgreSQL database (<see cref="ClusterEvents"/>).</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterEventsTests(AppCluster cluster)
{
    private static readonly TimeSpan Reach = TimeSpan.FromSeconds(10);

    // Longer than a send and its coalescing interval, so a duplicate or an echo would have arrived.
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1.5);

    [PostgresFact]
    public async Task SourceCreatedAndPausedOnA_ReachesBOnceEach_AndASeesItsOwnOnce()
    {
        using var client = cluster.A.CreateClient();
        using var onA = new ChangeRecorder(cluster.A);
        using var onB = new ChangeRecorder(cluster.B);

        var id = await CreateWebhookSourceAsync(client);
        var ofSource = (FlowChange c) => c.Kind == FlowChangeKind.Source && c.ResourceId == id;

        Assert.Equal([new FlowChange(FlowChangeKind.Source, id)], await onB.SettleAsync(ofSource, 1, Reach, Quiet));
        Assert.Single(onA.Seen(ofSource));

        await client.PostJsonAsync($"/api/sources/{id}/pause", new { }, 200);

        Assert.Equal(2, (await onB.SettleAsync(ofSource, 2, Reach, Quiet)).Count);
        Assert.Equal(2, onA.Seen(ofSource).Count);
    }

    [PostgresFact]
    public async Task BurstOfRunProgressOnA_ReachesBCoalesced()
    {
        var change = new FlowChange(FlowChangeKind.Run, "dst_burst", "run_" + Guid.NewGuid().ToString("N")[..8]);
        using var onB = new ChangeRecorder(cluster.B);
        var events = cluster.A.Services.GetRequiredService<FlowEvents>();

        for (var i = 0; i < 200; i++)
        {
            events.Publish(change);
        }

        var seen = await onB.SettleAsync(c => c == change, 1, Reach, Quiet);
        Assert.InRange(seen.Count, 1, 2);
    }

    [PostgresFact]
    public async Task ListenerConnectionKilled_LogsAWarning_ReconnectsAndTellsOpenPagesToReadAgain()
    {
        using var client = cluster.A.CreateClient();
        using var onA = new ChangeRecorder(cluster.A);
        Assert.True(await TerminateListenersAsync() >= 2, "each instance listens on a connection of its own");

        await WaitUntilAsync(() => cluster.Logs.Lines.Any(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("change feed lost its connection", StringComparison.Ordinal)));
        await WaitUntilAsync(async () => await ListenerCountAsync() >= 2);
        using var onB = new ChangeRecorder(cluster.B);
        var id = await CreateWebhookSourceAsync(client);

        Assert.Single(await onB.SettleAsync(c => c.Kind == FlowChangeKind.Source && c.ResourceId == id, 1, Reach, Quiet));
        // What B changed while A's listener was away never arrived: once A listens again, its open pages read again.
        Assert.Single(await onA.SettleAsync(c => c.Kind == FlowChangeKind.Missed, 1, Reach, Quiet));
    }

    private static async Task<string> CreateWebhookSourceAsync(HttpClient client)
    {
        var source = await client.PostJsonAsync("/api/sources", new { name = "Cluster " + Guid.NewGuid().ToString("N")[..6], connector = "webhook" }, 201);
        return source.GetProperty("id").GetString()!;
    }

    private async Task<int> TerminateListenersAsync() =>
        await ScalarAsync("SELECT count(pg_terminate_backend(pid))::int FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'FlowStudio change listener'");

    // Listening, not just connected: a notification sent between the connection's open and its LISTEN would be missed.
    private async Task<int> ListenerCountAsync() =>
        await ScalarAsync("""
            SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'FlowStudio change listener'
              AND state = 'idle' AND query LIKE 'LISTEN %'
            """);

    private async Task<int> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.A.Services.GetRequiredService<IConfiguration>().GetConnectionString("FlowStudio"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Reach;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "not within " + Reach);
            await Task.Delay(50);
        }
    }
}
