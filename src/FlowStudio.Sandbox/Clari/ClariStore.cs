namespace FlowStudio.Sandbox.Clari;

/// <summary>The simulated Clari org: records received by ingest calls, ingest and export jobs, picklists. Thread-safe.</summary>
public sealed class ClariStore
{
    public ClariStore(TimeProvider time)
    {
        Time = time;
        Received = new ReceivedRecords();
        var ids = new ClariJobIds();
        BulkJobs = new BulkIngestJobs(Received, ids, () => Options, time);
        ExportJobs = new ExportJobs(() => Options, ids, time);
    }

    /// <summary>Limits and wire choices; tests may replace them. A reset keeps them.</summary>
    public ClariOptions Options { get; set; } = ClariOptions.Default;

    internal TimeProvider Time { get; }

    internal ReceivedRecords Received { get; }

    internal BulkIngestJobs BulkJobs { get; }

    internal ExportJobs ExportJobs { get; }

    internal Picklists Picklists { get; } = new();

    /// <summary>Forgets received records, ingest and export jobs, isLastBatch flags and added picklist options.</summary>
    public void Reset()
    {
        BulkJobs.Clear();
        Received.Clear();
        ExportJobs.Clear();
        Picklists.Clear();
    }

    /// <summary>Records received per entity (<c>account</c>, <c>opportunity</c>, <c>contact</c>, <c>activity</c>).</summary>
    public object Snapshot()
    {
        BulkJobs.Settle();
        return Received.Snapshot();
    }
}
