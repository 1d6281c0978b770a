namespace FlowStudio.Sandbox.Clari;

/// <summary>
/// The org's export jobs and their limits: at most <see cref="ClariOptions.ExportConcurrentLimit"/> running and
/// <see cref="ClariOptions.ExportMonthlyQuota"/> submitted in a rolling 30 days; a cancelled job frees its quota.
/// </summary>
internal sealed class ExportJobs(Func<ClariOptions> options, ClariJobIds ids, TimeProvider time)
{
    private const long QuotaWindowMilliseconds = 30L * 24 * 60 * 60 * 1000;

    private readonly Lock _gate = new();
    private readonly List<ExportJob> _jobs = [];

    /// <summary>Creates a job through <paramref name="create"/> (given its id and submission time), or returns null when a limit is reached.</summary>
    public ExportJob? TrySubmit(Func<string, long, ExportJob> create)
    {
        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        lock (_gate)
        {
            var limits = LimitsLocked(nowMs);
            if (limits.AvailableConcurrentLimit <= 0 || limits.AvailableMonthlyQuota <= 0)
            {
                return null;
            }

            var job = create(ids.Next(now), nowMs);
            _jobs.Add(job);
            return job;
        }
    }

    public ExportJobView? View(string jobId)
    {
        var now = Now();
        lock (_gate)
        {
            return FindLocked(jobId)?.ViewAt(now);
        }
    }

    public IReadOnlyList<ExportJobView> List()
    {
        var now = Now();
        lock (_gate)
        {
            return _jobs.Select(job => job.ViewAt(now)).ToList();
        }
    }

    /// <summary>Cancels a running job; returns its status afterwards, or null when no such job exists.</summary>
    public (string? Status, bool Cancelled) Cancel(string jobId)
    {
        var now = Now();
        lock (_gate)
        {
            var job = FindLocked(jobId);
            if (job is null)
            {
                return (null, false);
            }

            return job.TryCancel(now) ? ("CANCELLED", true) : (job.StatusAt(now), false);
        }
    }

    /// <summary>The file producer of a DONE job (counting the download), with the job's status at the time.</summary>
    public (string? Status, Func<IResult>? Results) Download(string jobId)
    {
        var now = Now();
        lock (_gate)
        {
            var job = FindLocked(jobId);
            var status = job?.StatusAt(now);
            return (status, status == "DONE" ? job!.Download() : null);
        }
    }

    public ExportLimits Limits()
    {
        var now = Now();
        lock (_gate)
        {
            return LimitsLocked(now);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _jobs.Clear();
        }
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private ExportJob? FindLocked(string jobId) => _jobs.Find(job => job.JobId == jobId);

    private ExportLimits LimitsLocked(long now)
    {
        var current = options();
        var running = _jobs.Where(job => job.StatusAt(now) == "STARTED").Select(job => job.JobId).ToList();
        var submitted = _jobs
            .Where(job => job.CancelledTime is null && now - job.SubmittedTime < QuotaWindowMilliseconds)
            .Select(job => job.JobId)
            .ToList();
        return new ExportLimits(
            current.ExportConcurrentLimit,
            current.ExportMonthlyQuota,
            running.Count > 0 ? running : null,
            submitted,
            Math.Max(0, current.ExportConcurrentLimit - running.Count),
            Math.Max(0, current.ExportMonthlyQuota - submitted.Count));
    }
}
