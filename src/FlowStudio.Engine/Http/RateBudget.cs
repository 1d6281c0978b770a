namespace FlowStudio.Engine.Http;

/// <summary>
/// A token bucket in this process that paces the requests of one credential: at most <see cref="RequestsPerSecond"/> on
/// average and never more than <see cref="Burst"/> at once. Thread-safe; callers are served in the order they asked.
/// </summary>
public sealed class RateBudget : IRateBudget
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly long _ticksPerToken;
    private long _nextFree;

    /// <summary>Creates a budget of <paramref name="requestsPerSecond"/> (more than 0, at most 100,000).</summary>
    /// <param name="requestsPerSecond">The average rate allowed.</param>
    /// <param name="time">The clock waits are measured on.</param>
    /// <param name="burst">Requests that may go at once after a quiet spell. Default 1: evenly spaced requests.</param>
    public RateBudget(double requestsPerSecond, TimeProvider time, int burst = 1)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerSecond);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(requestsPerSecond, 100_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        RequestsPerSecond = requestsPerSecond;
        Burst = burst;
        _time = time;
        _ticksPerToken = Math.Max(1, (long)(time.TimestampFrequency / requestsPerSecond));
        _nextFree = time.GetTimestamp() - (_ticksPerToken * (burst - 1));
    }

    /// <inheritdoc/>
    public double RequestsPerSecond { get; }

    /// <summary>Requests that may go at once after a quiet spell.</summary>
    public int Burst { get; }

    /// <inheritdoc/>
    /// <remarks>A wait cancelled gives its slot back.</remarks>
    public async ValueTask WaitAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        long wait;
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            // A quiet spell refills at most Burst tokens.
            var earliest = now - (_ticksPerToken * (Burst - 1));
            if (_nextFree < earliest)
            {
                _nextFree = earliest;
            }

            wait = _nextFree - now;
            _nextFree += _ticksPerToken;
        }

        if (wait <= 0)
        {
            return;
        }

        try
        {
            await Task.Delay(TimeSpan.FromSeconds((double)wait / _time.TimestampFrequency), _time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                _nextFree -= _ticksPerToken;
            }

            throw;
        }
    }
}
