namespace FlowStudio.Engine.Scripting;

/// <summary>Why the parent killed a worker.</summary>
internal enum WorkerStop
{
    None,
    Timeout,
    Memory,
    Cancelled,
    Start,
}
