namespace FlowStudio.Engine.Tests.Scripting;

/// <summary>Worker tests measure time and the test process's memory, so they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScriptWorkerCollection
{
    public const string Name = "script workers";
}
