using Quartz;

namespace FlowStudio.Application.Runs;

/// <summary>
/// Hands a stored run (or a slice of a split delivery run) to the job scheduler, which starts it at once on an instance with a
/// free slot; the other instances hear of it at once too (<see cref="WorkWakeups"/>).
/// </summary>
internal sealed class RunDispatcher(ISchedulerFactory schedulers, WorkWakeups wakeups)
{
    /// <summary>A waiting slice goes before waiting runs: its run's coordinator holds a slot until its slices end.</summary>
    private const int SlicePriority = 10;

    public async Task DispatchAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.ScheduleJob(RunExecutionJob.Describe(request), Now(new TriggerKey(request.RunId, RunExecutionJob.Group), TriggerConstants.DefaultPriority), default, cancellationToken);
        wakeups.Announce();
    }

    /// <summary>Stores slice <paramref name="slice"/> of the run as its own job, unless the scheduler holds it already.</summary>
    public async Task DispatchSliceAsync(RunRequest request, int slice, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = DeliverySliceJob.Describe(request, slice);
        var trigger = Now(new TriggerKey(job.Key.Name, DeliverySliceJob.Group), SlicePriority, DeliverySliceJob.Group);
        try
        {
            await scheduler.ScheduleJob(job, trigger, default, cancellationToken);
            wakeups.Announce();
        }
        catch (ObjectAlreadyExistsException)
        {
            // Held already (a recovering coordinator dispatches what it finds unfinished).
        }
    }

    /// <summary>Whether the scheduler still holds the run's job or one of its slices' (waiting or executing somewhere).</summary>
    public async Task<bool> HeldAsync(string runId, CancellationToken cancellationToken) =>
        await (await schedulers.GetScheduler(cancellationToken)).Exists(RunExecutionJob.KeyOf(runId), cancellationToken)
        || (await HeldSlicesAsync(runId, cancellationToken)).Count > 0;

    /// <summary>The numbers of the run's slices the scheduler holds.</summary>
    public async Task<HashSet<int>> HeldSlicesAsync(string runId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var keys = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(DeliverySliceJob.Group), cancellationToken);
        return [.. keys.Select(DeliverySliceJob.Parse).Where(k => k?.RunId == runId).Select(k => k!.Value.Slice)];
    }

    // A run or slice that waited past the misfire threshold for a free slot still runs, once.
    private static ITrigger Now(TriggerKey key, int priority, string? executionGroup = null) => TriggerBuilder.Create()
        .WithIdentity(key)
        .WithPriority(priority)
        .WithExecutionGroup(executionGroup)
        .StartNow()
        .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
        .Build();
}
