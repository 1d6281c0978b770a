namespace FlowStudio.Engine.Http;

/// <summary>
/// The request budget of one credential: <see cref="ApiClient"/> waits on it before every attempt (sign-ins, pages, batches
/// and retries alike), so everything sent with one credential shares it. <see cref="RateBudget"/> holds it in this process;
/// the host may hold it elsewhere (a database shared by several instances).
/// </summary>
public interface IRateBudget
{
    /// <summary>The average rate allowed, in requests per second.</summary>
    double RequestsPerSecond { get; }

    /// <summary>Waits until one more request fits the budget, and takes it.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting.</exception>
    ValueTask WaitAsync(CancellationToken cancellationToken = default);
}
