using Quartz;

namespace FlowStudio.Application.Runs;

/// <summary>Hands a stored run to the job scheduler, which starts it at once on an instance with a free slot.</summary>
internal sealed class RunDispatcher(ISchedulerFactory schedulers)
{
    public async Task DispatchAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create()
            .WithIdentity(request.RunId, RunExecutionJob.Group)
            .StartNow()
            // A run that waited past the misfire threshold for a free slot still runs, once.
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(RunExecutionJob.Describe(request), trigger, default, cancellationToken);
    }

    /// <summary>Whether the scheduler still holds the run's job (waiting or executing somewhere).</summary>
    public async Task<bool> HeldAsync(string runId, CancellationToken cancellationToken) =>
        await (await schedulers.GetScheduler(cancellationToken)).Exists(RunExecutionJob.KeyOf(runId), cancellationToken);
}
