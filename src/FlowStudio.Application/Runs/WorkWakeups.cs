using System.Threading.Channels;
using Npgsql;
using Quartz;

namespace FlowStudio.Application.Runs;

/// <summary>
/// Tells the other instances' job schedulers at once that work was stored. A clustered Quartz scheduler with nothing to do
/// looks at the shared store again only after its idle wait (a second), so without a nudge a worker starts a run another
/// instance stored, or the slices of a delivery another worker split, up to a second late: a second per run, and for a
/// split delivery a second during which only some workers deliver. <see cref="RunDispatcher"/> announces each job it
/// stores; the announcement goes out as a notification on <see cref="Channel"/> (bursts become one), and every other
/// instance that executes runs fires its scheduler's <see cref="SchedulerWake"/> job, which makes the scheduler take
/// waiting jobs from the store now. A lost notification costs only the idle wait, as without this. On SQLite (one
/// process) announcing does nothing: the scheduler that stores a job is the one that executes it, and storing wakes it.
/// </summary>
internal sealed class WorkWakeups : BackgroundService
{
    public const string Channel = "flowstudio_work";

    // One waiting announcement (or wake) stands for any number: the receivers look at the whole store.
    private readonly Channel<bool> _announced = System.Threading.Channels.Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Channel<bool> _heard = System.Threading.Channels.Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly NpgsqlDataSource? _senders;
    private readonly string? _connectionString;
    private readonly bool _executesRuns;
    private readonly ISchedulerFactory _schedulers;
    private readonly TimeProvider _time;
    private readonly ILogger<WorkWakeups> _logger;

    public WorkWakeups(IConfiguration configuration, ISchedulerFactory schedulers, TimeProvider time, ILogger<WorkWakeups> logger)
    {
        _schedulers = schedulers;
        _time = time;
        _logger = logger;
        _executesRuns = RunScheduling.Role(configuration) != InstanceRole.Web;
        if (DataExtensions.Provider(configuration) != DatabaseProvider.Postgres)
        {
            return;
        }

        _connectionString = configuration.GetConnectionString("FlowStudio")!;
        _senders = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_connectionString) { ApplicationName = "FlowStudio work announcer", MaxPoolSize = 2 });
    }

    /// <summary>This instance's name in its announcements (new on each start).</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Tells the other instances that a job waits in the store. Never waits, never fails.</summary>
    public void Announce()
    {
        if (_senders is not null)
        {
            _announced.Writer.TryWrite(true);
        }
    }

    public override void Dispose()
    {
        _senders?.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _senders is null || _connectionString is null
        ? Task.CompletedTask
        : Task.WhenAll(SendAsync(_senders, stoppingToken), ListenAsync(_connectionString, stoppingToken), WakeAsync(stoppingToken));

    private async Task SendAsync(NpgsqlDataSource senders, CancellationToken stoppingToken)
    {
        try
        {
            while (await _announced.Reader.WaitToReadAsync(stoppingToken))
            {
                _announced.Reader.TryRead(out _);
                try
                {
                    await using var notify = senders.CreateCommand("SELECT pg_notify($1, $2)");
                    notify.Parameters.Add(new NpgsqlParameter { Value = Channel });
                    notify.Parameters.Add(new NpgsqlParameter { Value = InstanceId });
                    await notify.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // The other schedulers find the job at their next look at the store anyway.
                    _logger.LogDebug(ex, "Could not announce stored work to the other instances");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private Task ListenAsync(string connectionString, CancellationToken stoppingToken) => NotificationListener.ListenAsync(
        connectionString,
        "FlowStudio work listener",
        Channel,
        payload =>
        {
            if (_executesRuns && payload != InstanceId)
            {
                _heard.Writer.TryWrite(true);
            }
        },
        (error, delay) => _logger.LogWarning(
            error, "The work listener lost its connection to PostgreSQL: this instance takes other instances' runs within a second instead of at once until it reconnects (in {Delay})", delay),
        () => { },
        _time,
        stoppingToken);

    private async Task WakeAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _heard.Reader.WaitToReadAsync(stoppingToken))
            {
                _heard.Reader.TryRead(out _);
                try
                {
                    await (await _schedulers.GetScheduler(stoppingToken)).TriggerJob(SchedulerWake.Key, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    _logger.LogDebug(ex, "Could not wake the job scheduler for work another instance stored");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

/// <summary>
/// Does nothing: firing it (<see cref="WorkWakeups"/>) stores a trigger through this instance's scheduler, which makes the
/// scheduler look at the shared store at once instead of after its idle wait.
/// </summary>
internal sealed class SchedulerWake : IJob
{
    public static readonly JobKey Key = new("wake", "engine");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
