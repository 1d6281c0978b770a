using System.Globalization;

namespace FlowStudio.Sandbox.Clari;

/// <summary>24-hex job ids shaped like Clari's (a Mongo-style ObjectId: seconds, a fixed process part, a counter). One instance serves all jobs.</summary>
internal sealed class ClariJobIds
{
    private const string ProcessPart = "b1a00d40e5";

    // Never reset, so an id from before a sandbox reset cannot name a new job.
    private long _counter = 0xf0ba00;

    public string Next(DateTimeOffset now)
    {
        var seconds = (uint)now.ToUnixTimeSeconds();
        var counter = Interlocked.Increment(ref _counter);
        return seconds.ToString("x8", CultureInfo.InvariantCulture) + ProcessPart + (counter & 0xffffff).ToString("x6", CultureInfo.InvariantCulture);
    }
}
