namespace FlowStudio.Application.Data;

/// <summary>What a user or API key did to a resource.</summary>
internal enum AuditAction
{
    Create,
    Update,
    Delete,
    Activate,
    Pause,
    Run,
    RetryFailed,
    Test,
    ChangeRole,
    SetFaults,
    Reset,
    Restore,
    Import,
}
