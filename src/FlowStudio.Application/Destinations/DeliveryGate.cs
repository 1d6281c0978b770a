namespace FlowStudio.Application.Destinations;

/// <summary>One run's database work one call at a time: its reader and its committer share one DbContext.</summary>
internal sealed class DeliveryGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task RunAsync(Func<Task> work, CancellationToken cancellationToken) =>
        await RunAsync(async () =>
        {
            await work();
            return true;
        }, cancellationToken);

    public void Dispose() => _gate.Dispose();
}
