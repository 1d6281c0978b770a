using Quartz;

namespace FlowStudio.Application.Destinations;

/// <summary>
/// One slice of a split delivery run as the job scheduler holds it: any worker with a free slot executes it, and when
/// that worker dies another one continues it from the slice's own offset.
/// </summary>
internal sealed class DeliverySliceJob(DeliverySliceProcessor processor) : IJob
{
    public const string Group = "slices";

    public static JobKey KeyOf(string runId, int slice) => new($"{runId}/{slice}", Group);

    /// <summary>The run and slice a job key names, for keys of this group.</summary>
    public static (string RunId, int Slice)? Parse(JobKey key) =>
        key.Group == Group && key.Name.LastIndexOf('/') is var slash and > 0 && int.TryParse(key.Name[(slash + 1)..], out var slice)
            ? (key.Name[..slash], slice)
            : null;

    public static IJobDetail Describe(RunRequest request, int slice) => JobBuilder.Create<DeliverySliceJob>()
        .WithIdentity(KeyOf(request.RunId, slice))
        .UsingJobData("runId", request.RunId)
        .UsingJobData("resourceId", request.ResourceId)
        .UsingJobData("slice", slice.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .RequestRecovery()
        .Build();

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var request = new RunRequest(data.GetString("runId")!, data.GetString("resourceId")!, RunKind.Destination);
        var slice = int.Parse(data.GetString("slice")!, System.Globalization.CultureInfo.InvariantCulture);
        await processor.ProcessAsync(request, slice, context.Scheduler.SchedulerInstanceId, cancellationToken);
    }
}
