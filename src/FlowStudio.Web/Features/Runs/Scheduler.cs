using System.Text.Json;
using FlowStudio.Engine.Scheduling;
using FlowStudio.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Web.Features.Runs;

/// <summary>
/// Starts due runs of active sources (their schedule: once, interval or cron), and delivery runs of active destinations
/// whose dataset has records they have not delivered yet. A resource never has two runs at once.
/// </summary>
internal sealed class Scheduler(IServiceScopeFactory scopes, RunQueue queue, TimeProvider time, ILogger<Scheduler> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        do
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The scheduler tick failed; it will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal async Task TickAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
        var now = time.GetUtcNow().UtcDateTime;

        var due = await db.Sources.Where(s => s.Status == "active" && s.Kind == "api" && s.NextRunAt != null && s.NextRunAt <= now).ToListAsync(cancellationToken);
        foreach (var source in due.Where(s => !queue.IsRunning(s.Id)))
        {
            var schedule = source.ScheduleJson is null ? RunSchedule.Default : JsonSerializer.Deserialize<RunSchedule>(source.ScheduleJson, Json) ?? RunSchedule.Default;
            source.NextRunAt = schedule.NextAfter(now, now)?.UtcDateTime;
            var run = new Run { Id = Infrastructure.ResourceIds.New("run"), ResourceId = source.Id, Kind = "source", Automatic = true, StartedAt = now };
            db.Runs.Add(run);
            await db.SaveChangesAsync(cancellationToken);
            queue.Enqueue(new RunRequest(run.Id, source.Id, "source"));
        }

        foreach (var trigger in scope.ServiceProvider.GetServices<IScheduledTrigger>())
        {
            await trigger.TriggerAsync(now, cancellationToken);
        }
    }
}

/// <summary>Something else the scheduler checks every tick (e.g. active destinations with undelivered records).</summary>
internal interface IScheduledTrigger
{
    Task TriggerAsync(DateTime now, CancellationToken cancellationToken);
}
