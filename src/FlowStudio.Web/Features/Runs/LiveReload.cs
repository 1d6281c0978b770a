using FlowStudio.Web.Components.Shell;

namespace FlowStudio.Web.Features.Runs;

/// <summary>
/// Keeps what a component shows following <see cref="FlowEvents"/>: when a change concerns it, <c>reload</c> runs on the
/// component's dispatcher (its <c>InvokeAsync</c>) to read again and re-render. Changes that arrive while a read is in
/// progress fold into one more read, so a busy run costs an open page at most one read at a time. No timer is involved.
/// </summary>
internal sealed class LiveReload : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Func<FlowChange, bool> _concerns;
    private readonly Func<Func<Task>, Task> _dispatch;
    private readonly Func<Task> _reload;
    private readonly IDisposable _subscription;
    private bool _reading;
    private bool _again;
    private bool _disposed;

    public LiveReload(FlowEvents events, Func<FlowChange, bool> concerns, Func<Func<Task>, Task> dispatch, Func<Task> reload)
    {
        _concerns = concerns;
        _dispatch = dispatch;
        _reload = reload;
        _subscription = events.Subscribe(OnChangeAsync);
    }

    public void Dispose()
    {
        _disposed = true;
        _subscription.Dispose();
    }

    private async Task OnChangeAsync(FlowChange change)
    {
        if (_disposed || (change.Kind != FlowChangeKind.Missed && !_concerns(change)))
        {
            return;
        }

        lock (_gate)
        {
            if (_reading)
            {
                _again = true;
                return;
            }

            _reading = true;
        }

        try
        {
            while (true)
            {
                await _dispatch(_reload);
                lock (_gate)
                {
                    if (!_again || _disposed)
                    {
                        _reading = false;
                        return;
                    }

                    _again = false;
                }
            }
        }
        catch
        {
            lock (_gate)
            {
                _reading = false;
                _again = false;
            }

            throw;
        }
    }
}
