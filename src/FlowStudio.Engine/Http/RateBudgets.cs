using System.Collections.Concurrent;

namespace FlowStudio.Engine.Http;

/// <summary>
/// One <see cref="RateBudget"/> per credential, shared by every run that uses it. Limits are requests per second keyed by
/// credential id or by connector id ("clari", "clientsuccess", "rest"); a credential's own limit wins over its
/// connector's. No limit, or 0, means unlimited. Register one instance for the whole process.
/// </summary>
public sealed class RateBudgets(IReadOnlyDictionary<string, double> limits, TimeProvider time)
{
    private readonly Dictionary<string, double> _limits = new(limits, StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, RateBudget> _budgets = new(StringComparer.Ordinal);

    /// <summary>No limits at all.</summary>
    public static RateBudgets Unlimited { get; } = new(new Dictionary<string, double>(), TimeProvider.System);

    /// <summary>The budget of credential <paramref name="credentialId"/> (of connector <paramref name="connector"/>), or null when unlimited.</summary>
    public RateBudget? For(string credentialId, string connector)
    {
        ArgumentNullException.ThrowIfNull(credentialId);
        var limit = LimitOf(credentialId) ?? LimitOf(connector ?? "") ?? 0;
        return limit <= 0 ? null : _budgets.GetOrAdd(credentialId, _ => new RateBudget(limit, time));
    }

    private double? LimitOf(string key) => _limits.TryGetValue(key, out var limit) ? limit : null;
}
