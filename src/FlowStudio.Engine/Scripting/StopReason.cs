namespace FlowStudio.Engine.Scripting;

/// <summary>Why the watchdog stopped a script.</summary>
internal enum StopReason
{
    None,
    Timeout,
    Memory,
    Cancelled,
}
