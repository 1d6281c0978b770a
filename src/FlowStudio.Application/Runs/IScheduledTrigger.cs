namespace FlowStudio.Application.Runs;

/// <summary>Something else the scheduler checks every tick (e.g. active destinations with undelivered records).</summary>
internal interface IScheduledTrigger
{
    Task TriggerAsync(DateTime now, CancellationToken cancellationToken);
}
