namespace FlowStudio.Web.Features.Sources;

/// <summary>
/// A page's re-read after changes pushed by <c>FlowEvents</c>: requests that arrive while one re-read runs are folded
/// into a single further one. Called on the page's renderer (through InvokeAsync), so one at a time.
/// </summary>
internal sealed class CoalescedReload(Func<Task> reload)
{
    private bool _running;
    private bool _again;

    public async Task RequestAsync()
    {
        if (_running)
        {
            _again = true;
            return;
        }

        _running = true;
        try
        {
            do
            {
                _again = false;
                await reload();
            }
            while (_again);
        }
        finally
        {
            _running = false;
        }
    }
}
