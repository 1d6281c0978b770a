namespace FlowStudio.Application.Data;

/// <summary>Where a run stands: stored and shown as "running", "succeeded", "failed" or "cancelled".</summary>
public enum RunStatus
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
