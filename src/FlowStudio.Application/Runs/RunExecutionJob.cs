using Quartz;

namespace FlowStudio.Application.Runs;

/// <summary>
/// One run as the job scheduler holds it: stored (with PostgreSQL, in the shared store, where any worker may take it) and
/// marked for recovery, so when the instance executing it dies, another instance executes it again.
/// </summary>
internal sealed class RunExecutionJob(RunProcessor processor) : IJob
{
    public const string Group = "runs";

    public static JobKey KeyOf(string runId) => new(runId, Group);

    public static IJobDetail Describe(RunRequest request) => JobBuilder.Create<RunExecutionJob>()
        .WithIdentity(KeyOf(request.RunId))
        .UsingJobData("runId", request.RunId)
        .UsingJobData("resourceId", request.ResourceId)
        .UsingJobData("kind", request.Kind.ToString())
        .RequestRecovery()
        .Build();

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var request = new RunRequest(data.GetString("runId")!, data.GetString("resourceId")!, Enum.Parse<RunKind>(data.GetString("kind")!));
        await processor.ProcessAsync(request, context.Recovering, cancellationToken);
    }
}
