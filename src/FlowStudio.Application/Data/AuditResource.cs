namespace FlowStudio.Application.Data;

/// <summary>The kind of thing an audit entry is about.</summary>
internal enum AuditResource
{
    Credential,
    Source,
    Destination,
    Lookup,
    Run,
    User,
    ApiKey,
    Sandbox,
    AlertRule,
    Transform,
    Flow,
    Sync,
}
