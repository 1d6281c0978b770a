
namespace FlowStudio.Web.Features.Audit;

/// <summary>
/// What a request to a route changes, read from the route's pattern: the resource is the first segment after
/// <c>/api</c> (<c>/api/sources/...</c>, <c>/sandbox/...</c>), the action the last (<c>activate</c>, <c>run</c>, ...) or
/// the method on the resource itself (POST creates, PUT updates, DELETE deletes). Changes made on the screens are
/// recorded by <c>UiCalls</c> instead.
/// </summary>
internal static class AuditRoute
{
    private static readonly Dictionary<string, AuditResource> Resources = new(StringComparer.OrdinalIgnoreCase)
    {
        ["credentials"] = AuditResource.Credential,
        ["sources"] = AuditResource.Source,
        ["destinations"] = AuditResource.Destination,
        ["lookups"] = AuditResource.Lookup,
        ["users"] = AuditResource.User,
        ["api-keys"] = AuditResource.ApiKey,
        ["sandbox"] = AuditResource.Sandbox,
        ["alerts"] = AuditResource.AlertRule,
        ["transforms"] = AuditResource.Transform,
        ["flows"] = AuditResource.Flow,
        ["syncs"] = AuditResource.Sync,
    };

    private static readonly Dictionary<string, AuditAction> Actions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["create"] = AuditAction.Create,
        ["update"] = AuditAction.Update,
        ["delete"] = AuditAction.Delete,
        ["activate"] = AuditAction.Activate,
        ["pause"] = AuditAction.Pause,
        ["run"] = AuditAction.Run,
        ["retry-failed"] = AuditAction.RetryFailed,
        ["test"] = AuditAction.Test,
        ["role"] = AuditAction.ChangeRole,
        ["_faults"] = AuditAction.SetFaults,
        ["_reset"] = AuditAction.Reset,
        ["restore"] = AuditAction.Restore,
        ["import"] = AuditAction.Import,
    };

    /// <summary>Requests that only build a preview (sample payloads, a dry run, a transform's before and after) change nothing.</summary>
    private static readonly HashSet<string> Previews = new(StringComparer.OrdinalIgnoreCase) { "sample-payloads", "dry-run", "preview" };

    /// <summary>The action and resource of a <paramref name="method"/> request to <paramref name="pattern"/>, or null when it changes nothing FlowStudio audits.</summary>
    public static (AuditAction Action, AuditResource Resource)? Describe(string method, string pattern)
    {
        var segments = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (segments is ["api", ..])
        {
            segments.RemoveAt(0);
        }

        // A flow's alert rules live under its source (/sources/{id}/alerts/...): they are the resource.
        if (segments is ["sources", _, "alerts", ..])
        {
            segments.RemoveRange(0, 2);
        }

        if (segments.Count == 0 || !Resources.TryGetValue(segments[0], out var resource) || Previews.Contains(segments[^1]))
        {
            return null;
        }

        if (segments.Count == 1 || segments[^1].StartsWith('{'))
        {
            AuditAction? onResource = method.ToUpperInvariant() switch
            {
                "POST" when segments.Count == 1 => AuditAction.Create,
                "PUT" or "PATCH" => AuditAction.Update,
                "DELETE" => AuditAction.Delete,
                _ => null,
            };
            return onResource is { } action ? (action, resource) : null;
        }

        return Actions.TryGetValue(segments[^1], out var named) ? (named, resource) : null;
    }
}
