
namespace FlowStudio.Application.Audit;

/// <summary>An audit entry as the Audit page and <c>GET /api/audit</c> show it.</summary>
internal sealed record AuditEntryView(
    long Id, DateTime At, string Actor, string? UserId, string? ApiKeyName, AuditAction Action, AuditResource Resource, string? ResourceId);
