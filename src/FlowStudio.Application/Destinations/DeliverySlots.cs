using Microsoft.Extensions.Options;

namespace FlowStudio.Application.Destinations;

/// <summary>Delivery requests in flight across all destinations at once, at most <see cref="EngineOptions.DeliveryConcurrency"/>.</summary>
internal sealed class DeliverySlots(IOptions<EngineOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.DeliveryConcurrency, options.Value.DeliveryConcurrency);

    public Task WaitAsync(CancellationToken cancellationToken) => _slots.WaitAsync(cancellationToken);

    public void Release() => _slots.Release();

    public void Dispose() => _slots.Dispose();
}
