using FlowStudio.Sandbox.Control;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>The simulated ClientSuccess tenant: deterministic seed data, issued access tokens, thread-safe.</summary>
public sealed class ClientSuccessStore
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly AccessTokens _tokens;
    private ClientSuccessData _data;

    public ClientSuccessStore(TimeProvider time)
    {
        _time = time;
        _tokens = new AccessTokens(time);
        _data = ClientSuccessSeeder.Seed(SeedCounts.Default);
    }

    /// <summary>Replaces every collection with a fresh deterministic seed. Issued tokens stay valid.</summary>
    public void Reset(SeedCounts counts)
    {
        var data = ClientSuccessSeeder.Seed(counts);
        lock (_gate)
        {
            _data = data;
        }
    }

    public object Snapshot()
    {
        lock (_gate)
        {
            return new
            {
                clients = _data.Clients.Count,
                contacts = _data.Contacts.Count,
                contracts = _data.Contracts.Count,
                clientNotes = _data.ClientNotes.Count,
                pulses = _data.Pulses.Count,
            };
        }
    }

    internal AccessTokens Tokens => _tokens;

    /// <summary>The current time in the API's timestamp format, e.g. 2024-01-01T00:00:00.000Z.</summary>
    internal string NowText() => Timestamps.Format(_time.GetUtcNow());

    /// <summary>
    /// Runs <paramref name="action"/> under the store's lock as a write: every record it is handed is stored again when it
    /// ends. Results must not hold live records (clone them).
    /// </summary>
    internal T Use<T>(Func<ClientSuccessData, T> action)
    {
        lock (_gate)
        {
            _data.BeginWrite();
            try
            {
                return action(_data);
            }
            finally
            {
                _data.EndWrite();
            }
        }
    }

    /// <summary>Runs <paramref name="action"/> under the store's lock; it must not change any record (see <see cref="Use{T}"/>).</summary>
    internal T Read<T>(Func<ClientSuccessData, T> action)
    {
        lock (_gate)
        {
            return action(_data);
        }
    }
}
