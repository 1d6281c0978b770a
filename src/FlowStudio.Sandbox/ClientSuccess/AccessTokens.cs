namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>Tokens issued by POST /v1/auth; each lives 12 hours, as the real API's expires_in of 43200 says.</summary>
internal sealed class AccessTokens(TimeProvider time)
{
    public const int LifetimeSeconds = 43200;
    public const string SandboxUser = "sandbox@flowstudio.local";
    public const string SandboxPassword = "sandbox";
    public const string SandboxApiKey = "cs-sandbox-key";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);

    public string Issue()
    {
        var now = time.GetUtcNow();
        var token = Guid.NewGuid().ToString();
        lock (_gate)
        {
            foreach (var expired in _expiries.Where(pair => pair.Value <= now).Select(pair => pair.Key).ToList())
            {
                _expiries.Remove(expired);
            }

            _expiries[token] = now.AddSeconds(LifetimeSeconds);
        }

        return token;
    }

    public bool IsValid(string token)
    {
        lock (_gate)
        {
            return _expiries.TryGetValue(token, out var expiry) && time.GetUtcNow() < expiry;
        }
    }
}
