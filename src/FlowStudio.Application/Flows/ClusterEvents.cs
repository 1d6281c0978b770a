using System.Threading.Channels;
using Npgsql;

namespace FlowStudio.Application.Flows;

/// <summary>
/// Relays <see cref="FlowEvents"/> between the instances that share one PostgreSQL database, so a page open on one
/// instance follows runs and edits made on another. Every change published here is queued and sent by a background
/// sender as a notification on <see cref="ClusterMessage.Channel"/> (publishing never waits for the database); a
/// dedicated connection listens there and publishes the other instances' changes here, skipping this instance's own.
/// Both reconnect with a growing delay when the database is out of reach.
/// </summary>
internal sealed class ClusterEvents : BackgroundService
{
    /// <summary>
    /// After each send the sender gathers changes this long; repeats of one change in that time (a busy run's progress)
    /// go out once, so each run costs at most one notification per interval, as <see cref="RunEvents"/> does locally.
    /// </summary>
    public static readonly TimeSpan SendInterval = RunEvents.ProgressInterval;

    private readonly Channel<FlowChange> _outbox = Channel.CreateUnbounded<FlowChange>(new UnboundedChannelOptions { SingleReader = true });
    private readonly FlowEvents _events;
    private readonly NpgsqlDataSource _senders;
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly ILogger<ClusterEvents> _logger;
    private IDisposable? _relay;

    public ClusterEvents(string connectionString, FlowEvents events, TimeProvider time, ILogger<ClusterEvents> logger)
    {
        _events = events;
        _time = time;
        _logger = logger;
        _senders = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "FlowStudio change sender" });
        _connectionString = connectionString;
    }

    /// <summary>This instance's name in the messages it sends (new on each start).</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _relay = _events.RelayLocalChanges(change => _outbox.Writer.TryWrite(change));
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _relay?.Dispose();
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _senders.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(SendAsync(stoppingToken), ListenAsync(stoppingToken));

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        var pending = new HashSet<FlowChange>();
        TimeSpan? retry = null;
        try
        {
            while (true)
            {
                if (pending.Count == 0)
                {
                    await _outbox.Reader.WaitToReadAsync(stoppingToken);
                }

                while (_outbox.Reader.TryRead(out var change))
                {
                    pending.Add(change);
                }

                try
                {
                    await NotifyAsync(pending, stoppingToken);
                    pending.Clear();
                    retry = null;
                    await Task.Delay(SendInterval, _time, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    retry = NotificationListener.NextRetry(retry);
                    _logger.LogWarning(ex, "Could not tell the other instances about {Count} changes; trying again in {Delay}", pending.Count, retry);
                    await Task.Delay(retry.Value, _time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task NotifyAsync(HashSet<FlowChange> changes, CancellationToken cancellationToken)
    {
        await using var batch = _senders.CreateBatch();
        foreach (var change in changes)
        {
            if (ClusterMessage.Write(InstanceId, change) is { } payload)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_notify($1, $2)")
                {
                    Parameters = { new NpgsqlParameter { Value = ClusterMessage.Channel }, new NpgsqlParameter { Value = payload } },
                });
            }
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private Task ListenAsync(CancellationToken stoppingToken) => NotificationListener.ListenAsync(
        _connectionString,
        "FlowStudio change listener",
        ClusterMessage.Channel,
        Receive,
        (error, delay) => _logger.LogWarning(
            error, "The change feed lost its connection to PostgreSQL: pages here miss other instances' changes until it reconnects (in {Delay})", delay),
        () =>
        {
            _logger.LogInformation("The change feed is connected to the other instances again: open pages read what they show again");
            _events.PublishRelayed(FlowChange.Missed);
        },
        _time,
        stoppingToken);

    private void Receive(string payload)
    {
        if (ClusterMessage.Read(payload) is { } message && message.Instance != InstanceId && message.ToChange() is { } change)
        {
            _events.PublishRelayed(change);
        }
    }
}
