namespace FlowStudio.Sandbox.Capture;

/// <summary>
/// The requests the simulators received, newest last (the last <see cref="Capacity"/>), so a test can tell what was sent
/// over loopback: whether anything but GETs reached an API, or the exact body and Content-Type the capture endpoint got.
/// </summary>
public sealed class RequestLog
{
    public const int Capacity = 10_000;

    private readonly Queue<CapturedRequest> _entries = new();
    private readonly Lock _lock = new();
    private long _seq;

    public CapturedRequest Add(string method, string path, string? contentType = null, string? body = null)
    {
        lock (_lock)
        {
            var entry = new CapturedRequest(++_seq, method, path, contentType, body);
            _entries.Enqueue(entry);
            if (_entries.Count > Capacity)
            {
                _entries.Dequeue();
            }

            return entry;
        }
    }

    /// <summary>The requests received after request number <paramref name="after"/>.</summary>
    public IReadOnlyList<CapturedRequest> After(long after)
    {
        lock (_lock)
        {
            return [.. _entries.Where(e => e.Seq > after)];
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
        }
    }
}
