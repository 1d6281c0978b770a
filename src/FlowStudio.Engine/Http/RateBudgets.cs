using System.Collections.Concurrent;

namespace FlowStudio.Engine.Http;

/// <summary>
/// One budget per credential, shared by every run that uses it. Limits are requests per second keyed by credential id or
/// by connector id ("clari", "clientsuccess", "rest"); a credential's own limit wins over its connector's. No limit, or 0,
/// means unlimited. Register one instance for the whole process.
/// </summary>
/// <param name="limits">Requests per second by credential id or connector id.</param>
/// <param name="create">Makes the budget of a credential id with its limit (called once per credential).</param>
public sealed class RateBudgets(IReadOnlyDictionary<string, double> limits, Func<string, double, IRateBudget> create)
{
    private readonly Dictionary<string, double> _limits = new(limits, StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, IRateBudget> _budgets = new(StringComparer.Ordinal);

    /// <summary>Budgets held in this process (<see cref="RateBudget"/>).</summary>
    public RateBudgets(IReadOnlyDictionary<string, double> limits, TimeProvider time)
        : this(limits, (_, limit) => new RateBudget(limit, time))
    {
    }

    /// <summary>No limits at all.</summary>
    public static RateBudgets Unlimited { get; } = new(new Dictionary<string, double>(), TimeProvider.System);

    /// <summary>The budget of credential <paramref name="credentialId"/> (of connector <paramref name="connector"/>), or null when unlimited.</summary>
    public IRateBudget? For(string credentialId, string connector)
    {
        ArgumentNullException.ThrowIfNull(credentialId);
        var limit = LimitOf(credentialId) ?? LimitOf(connector ?? "") ?? 0;
        return limit <= 0 ? null : _budgets.GetOrAdd(credentialId, id => create(id, limit));
    }

    private double? LimitOf(string key) => _limits.TryGetValue(key, out var limit) ? limit : null;
}
