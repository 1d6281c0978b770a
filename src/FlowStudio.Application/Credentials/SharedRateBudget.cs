using FlowStudio.Engine.Http;

namespace FlowStudio.Application.Credentials;

/// <summary>
/// A credential's request budget held in the database, so that every instance sharing it stays within one limit
/// together. Slots (one request each, one interval apart) are leased from <see cref="RateBudgetStore"/> a few at a time,
/// as many as fit in 100 ms and at least one, and handed out here earliest first. A leased slot nobody takes while it is
/// fresh (within the burst of now) is dropped, never used late: slots are lost, the limit is never exceeded. A cancelled
/// wait gives its slot back to this instance only.
/// </summary>
internal sealed class SharedRateBudget : IRateBudget
{
    private static readonly TimeSpan LeaseSpan = TimeSpan.FromMilliseconds(100);
    private readonly string _key;
    private readonly RateBudgetStore _store;
    private readonly TimeProvider _time;
    private readonly long _intervalUs;
    private readonly long _burstUs;
    private readonly int _leaseSize;
    private readonly Lock _gate = new();
    private readonly PriorityQueue<long, long> _leased = new();
    private readonly SemaphoreSlim _leasing = new(1, 1);
    private readonly long _origin;

    /// <summary>The budget of credential <paramref name="key"/>: <paramref name="requestsPerSecond"/> on average (more than 0, at most 100,000), <paramref name="burst"/> at once after a quiet spell.</summary>
    public SharedRateBudget(string key, double requestsPerSecond, RateBudgetStore store, TimeProvider time, int burst = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerSecond);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(requestsPerSecond, 100_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        _key = key;
        _store = store;
        _time = time;
        RequestsPerSecond = requestsPerSecond;
        // Rounded up: the slots are never closer together than the limit allows.
        _intervalUs = (long)Math.Ceiling(1_000_000 / requestsPerSecond);
        _burstUs = _intervalUs * (burst - 1);
        _leaseSize = Math.Max(1, (int)(LeaseSpan.TotalSeconds * requestsPerSecond));
        _origin = time.GetTimestamp();
    }

    public double RequestsPerSecond { get; }

    public async ValueTask WaitAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var slot = await TakeAsync(cancellationToken);
        var wait = slot - NowUs();
        if (wait <= 0)
        {
            return;
        }

        try
        {
            await Task.Delay(TimeSpan.FromMicroseconds(wait), _time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                _leased.Enqueue(slot, slot);
            }

            throw;
        }
    }

    private async ValueTask<long> TakeAsync(CancellationToken cancellationToken)
    {
        if (TryTakeLeased(out var slot))
        {
            return slot;
        }

        // One lease at a time: the waits that queue behind it take the rest of its slots.
        await _leasing.WaitAsync(cancellationToken);
        try
        {
            if (TryTakeLeased(out slot))
            {
                return slot;
            }

            var span = _leaseSize * _intervalUs;
            var endsIn = await _store.TakeAsync(_key, _burstUs, span, cancellationToken);
            var first = NowUs() + endsIn - span;
            lock (_gate)
            {
                for (var i = 1; i < _leaseSize; i++)
                {
                    _leased.Enqueue(first + (i * _intervalUs), first + (i * _intervalUs));
                }
            }

            return first;
        }
        finally
        {
            _leasing.Release();
        }
    }

    private bool TryTakeLeased(out long slot)
    {
        var fresh = NowUs() - _burstUs;
        lock (_gate)
        {
            while (_leased.TryDequeue(out slot, out _))
            {
                if (slot >= fresh)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>This instance's clock (slots are placed on it as the store answers), in microseconds.</summary>
    private long NowUs() => (long)_time.GetElapsedTime(_origin).TotalMicroseconds;
}
