using System.Globalization;

namespace FlowStudio.Sandbox.Clari;

/// <summary>24-hex job ids shaped like Clari's (a Mongo-style ObjectId: seconds, then a counter).</summary>
internal sealed class ClariJobIds
{
    // Never reset, so an id from before a sandbox reset cannot name a new job.
    private long _counter = 0x5a0000;

    public string Next(DateTimeOffset now)
    {
        var seconds = (uint)now.ToUnixTimeSeconds();
        var counter = Interlocked.Increment(ref _counter);
        return seconds.ToString("x8", CultureInfo.InvariantCulture) + counter.ToString("x16", CultureInfo.InvariantCulture);
    }
}
