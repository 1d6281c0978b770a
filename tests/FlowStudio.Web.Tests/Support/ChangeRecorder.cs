using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Support;

/// <summary>A subscriber of one app's change feed that keeps every change it hears, until disposed.</summary>
internal sealed class ChangeRecorder : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<FlowChange> _seen = [];
    private readonly IDisposable _subscription;

    public ChangeRecorder(FlowStudioApp app)
    {
        _subscription = app.Services.GetRequiredService<FlowEvents>().Subscribe(change =>
        {
            lock (_gate)
            {
                _seen.Add(change);
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>The changes heard so far that <paramref name="concerns"/> selects.</summary>
    public IReadOnlyList<FlowChange> Seen(Func<FlowChange, bool> concerns)
    {
        lock (_gate)
        {
            return [.. _seen.Where(concerns)];
        }
    }

    /// <summary>
    /// Waits until <paramref name="count"/> changes that <paramref name="concerns"/> selects were heard (at most
    /// <paramref name="timeout"/>), then for <paramref name="quiet"/> more, so that a surplus shows too; returns them.
    /// </summary>
    public async Task<IReadOnlyList<FlowChange>> SettleAsync(Func<FlowChange, bool> concerns, int count, TimeSpan timeout, TimeSpan quiet)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Seen(concerns).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await Task.Delay(quiet);
        return Seen(concerns);
    }

    public void Dispose() => _subscription.Dispose();
}
