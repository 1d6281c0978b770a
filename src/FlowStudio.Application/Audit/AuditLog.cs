using System.Security.Claims;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Audit;

internal sealed class AuditLog(FlowStudioDb db, TimeProvider time) : IAuditLog
{
    public async Task RecordAsync(ClaimsPrincipal actor, AuditAction action, AuditResource resource, string? resourceId, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            UserId = actor.UserId(),
            Actor = actor.Email() ?? "system",
            ApiKeyId = actor.FindFirstValue(AccountClaims.ApiKeyId),
            ApiKeyName = actor.FindFirstValue(AccountClaims.ApiKeyName),
            Action = action,
            Resource = resource,
            ResourceId = resourceId,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntryView>> ListAsync(int limit, int offset, CancellationToken cancellationToken) =>
        await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Id)
            .Skip(offset)
            .Take(limit)
            .Select(e => new AuditEntryView(e.Id, e.At, e.Actor, e.UserId, e.ApiKeyName, e.Action, e.Resource, e.ResourceId))
            .ToListAsync(cancellationToken);
}
