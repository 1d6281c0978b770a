namespace FlowStudio.Engine.Http;

/// <summary>How <see cref="ApiClient"/> retries and times out one call.</summary>
public sealed record RetryOptions
{
    /// <summary>The defaults below.</summary>
    public static readonly RetryOptions Default = new();

    /// <summary>Retries after the first attempt (0 = no retry). Default 3, at most 20.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The median first backoff delay; later ones grow exponentially, with jitter. Default 200 ms.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between attempts, Retry-After included. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take, reading the body included. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The credential's request budget every attempt waits on before it is sent (outside its timeout). Default null:
    /// unlimited. See <see cref="RateBudgets"/>.
    /// </summary>
    public IRateBudget? RateBudget { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a value is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRetries, 20);
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, BaseDelay);
        ArgumentOutOfRangeException.ThrowIfLessThan(AttemptTimeout, TimeSpan.FromMilliseconds(10));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(AttemptTimeout, TimeSpan.FromHours(24));
    }
}
