using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.Zoho;

/// <summary>The simulated Zoho CRM org: Accounts and Contacts, issued access tokens and their request windows. Thread-safe.</summary>
public sealed class ZohoStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, JsonObject>> _modules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _calls = new(StringComparer.Ordinal);
    private long _nextId;

    public ZohoStore(TimeProvider time)
    {
        Time = time;
        Reset();
    }

    /// <summary>Limits; tests may replace them. A reset keeps them.</summary>
    public ZohoOptions Options { get; set; } = ZohoOptions.Default;

    internal TimeProvider Time { get; }

    /// <summary>Restores the seeded Accounts and Contacts and forgets issued tokens.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _tokens.Clear();
            _calls.Clear();
            _modules.Clear();
            var seed = ZohoSeed.Create();
            _modules[ZohoModule.Accounts.ApiName] = new(seed.Accounts.ToDictionary(r => r["id"]!.GetValue<string>()), StringComparer.Ordinal);
            _modules[ZohoModule.Contacts.ApiName] = new(seed.Contacts.ToDictionary(r => r["id"]!.GetValue<string>()), StringComparer.Ordinal);
            _nextId = ZohoSeed.FirstFreeId;
        }
    }

    /// <summary>Record counts per module.</summary>
    public object Snapshot()
    {
        lock (_gate)
        {
            return new { accounts = _modules[ZohoModule.Accounts.ApiName].Count, contacts = _modules[ZohoModule.Contacts.ApiName].Count };
        }
    }

    internal string IssueToken()
    {
        var token = $"1000.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
        lock (_gate)
        {
            _tokens[token] = Time.GetUtcNow().AddSeconds(Options.AccessTokenSeconds);
        }

        return token;
    }

    internal bool IsValidToken(string token)
    {
        lock (_gate)
        {
            return _tokens.TryGetValue(token, out var expires) && Time.GetUtcNow() < expires;
        }
    }

    /// <summary>Counts one call against the token's rolling minute; false when the limit is already reached.</summary>
    internal bool TryCountCall(string token)
    {
        var now = Time.GetUtcNow();
        lock (_gate)
        {
            if (!_calls.TryGetValue(token, out var calls))
            {
                _calls[token] = calls = new Queue<DateTimeOffset>();
            }

            while (calls.Count > 0 && calls.Peek() <= now.AddMinutes(-1))
            {
                calls.Dequeue();
            }

            if (calls.Count >= Options.RequestsPerMinute)
            {
                return false;
            }

            calls.Enqueue(now);
            return true;
        }
    }

    /// <summary>Copies of the module's records, in id order.</summary>
    internal List<JsonObject> Records(ZohoModule module)
    {
        lock (_gate)
        {
            return [.. _modules[module.ApiName].Values.Select(r => (JsonObject)r.DeepClone())];
        }
    }

    internal JsonObject? Find(ZohoModule module, string id)
    {
        lock (_gate)
        {
            return _modules[module.ApiName].TryGetValue(id, out var record) ? (JsonObject)record.DeepClone() : null;
        }
    }

    /// <summary>Runs a write under the store's lock, so validation and duplicate checks see a stable org.</summary>
    internal T Write<T>(Func<T> write)
    {
        lock (_gate)
        {
            return write();
        }
    }

    /// <summary>The live records; only inside <see cref="Write{T}"/>.</summary>
    internal SortedDictionary<string, JsonObject> Module(ZohoModule module) => _modules[module.ApiName];

    internal string NewId() => (++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
