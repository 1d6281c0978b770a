namespace FlowStudio.Application.Runs;

/// <summary>Executes one kind of run inside its own DI scope.</summary>
internal interface IRunExecutor
{
    RunKind Kind { get; }

    Task ExecuteAsync(RunRequest request, CancellationToken cancellationToken);
}
