namespace FlowStudio.Sandbox.Clari;

/// <summary>
/// The partner's bulk ingestion jobs. No timers: whenever jobs or received records are read, jobs that have
/// reached SUCCESS since are settled, so their records count as received exactly once.
/// </summary>
internal sealed class BulkIngestJobs(ReceivedRecords received, ClariJobIds ids, Func<ClariOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, BulkIngestJob> _jobs = new(StringComparer.Ordinal);
    private readonly List<BulkIngestJob> _unsettled = [];

    /// <summary>Queues a job, or returns null when the partner already has <paramref name="maxConcurrent"/> jobs queued or running.</summary>
    public BulkIngestJob? Submit(string fileName, IngestParameters parameters, IngestPayload payload, int maxConcurrent)
    {
        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        lock (_gate)
        {
            SettleLocked(nowMs);
            if (_unsettled.Count(job => !job.IsFinishedAt(nowMs)) >= maxConcurrent)
            {
                return null;
            }

            var job = new BulkIngestJob(ids.Next(now), fileName, nowMs, parameters, payload, () => options().IngestJobMilliseconds);
            _jobs.Add(job.JobId, job);
            _unsettled.Add(job);
            return job;
        }
    }

    /// <summary>The job, and the instant its state was settled at (so status and received records agree).</summary>
    public (BulkIngestJob? Job, long Now) Find(string jobId)
    {
        var now = Now();
        lock (_gate)
        {
            SettleLocked(now);
            return (_jobs.GetValueOrDefault(jobId), now);
        }
    }

    public long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    public void Settle()
    {
        lock (_gate)
        {
            SettleLocked(Now());
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _jobs.Clear();
            _unsettled.Clear();
        }
    }

    private void SettleLocked(long now)
    {
        for (var i = _unsettled.Count - 1; i >= 0; i--)
        {
            var job = _unsettled[i];
            if (!job.IsFinishedAt(now))
            {
                continue;
            }

            if (job.Payload.IsValid)
            {
                received.AcceptCompletedJob(job.Parameters, job.Payload.Ids);
            }

            _unsettled.RemoveAt(i);
        }
    }
}
