using System.Security.Claims;

namespace FlowStudio.Application.Audit;

/// <summary>Records who changed what. Entries name the user (and API key), the action and the resource; never a secret.</summary>
internal interface IAuditLog
{
    Task RecordAsync(ClaimsPrincipal actor, AuditAction action, AuditResource resource, string? resourceId, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<AuditEntryView>> ListAsync(int limit, int offset, CancellationToken cancellationToken);
}
