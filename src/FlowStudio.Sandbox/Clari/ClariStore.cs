namespace FlowStudio.Sandbox.Clari;

/// <summary>The simulated Clari org: records received by ingest calls, ingest and export jobs.</summary>
public sealed class ClariStore
{
    public void Reset() { }

    public object Snapshot() => new { };
}
