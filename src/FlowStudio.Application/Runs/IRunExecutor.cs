namespace FlowStudio.Application.Runs;

/// <summary>Executes one kind of run ("source" or "destination") inside its own DI scope.</summary>
internal interface IRunExecutor
{
    string Kind { get; }

    Task ExecuteAsync(RunRequest request, CancellationToken cancellationToken);
}
