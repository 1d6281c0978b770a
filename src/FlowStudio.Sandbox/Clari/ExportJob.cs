using System.Text.Json.Serialization;

namespace FlowStudio.Sandbox.Clari;

/// <summary>
/// One bulk export job. New jobs are STARTED (as the spec says), DONE once <see cref="RunningMilliseconds"/> have passed,
/// or CANCELLED when cancelled before that. Results are produced when downloaded. Mutated only under <see cref="ExportJobs"/>' lock.
/// </summary>
internal sealed class ExportJob(
    string jobId, string module, string title, string fileName, string fileType, string currency, long submittedTime, Func<IResult> results)
{
    public const long RunningMilliseconds = 300;
    private const long ExpiresAfterMilliseconds = 30L * 24 * 60 * 60 * 1000;

    public string JobId => jobId;

    public long SubmittedTime => submittedTime;

    public long? CancelledTime { get; private set; }

    public int Downloads { get; private set; }

    public bool Viewed { get; private set; }

    public string StatusAt(long now) =>
        CancelledTime is not null ? "CANCELLED" : now - submittedTime < RunningMilliseconds ? "STARTED" : "DONE";

    public bool TryCancel(long now)
    {
        if (StatusAt(now) != "STARTED")
        {
            return false;
        }

        CancelledTime = now;
        return true;
    }

    /// <summary>Counts a download and returns the producer of the file content.</summary>
    public Func<IResult> Download()
    {
        Downloads++;
        Viewed = true;
        return results;
    }

    public ExportJobView ViewAt(long now)
    {
        var status = StatusAt(now);
        var endTime = status switch
        {
            "DONE" => submittedTime + RunningMilliseconds,
            "CANCELLED" => CancelledTime,
            _ => (long?)null,
        };
        return new ExportJobView(
            jobId, ClariAccount.UserId, ClariAccount.OrgId, title, module, submittedTime, endTime,
            endTime + ExpiresAfterMilliseconds, 1, fileName, fileType, status, Viewed, false, false, Downloads,
            new Dictionary<string, string>(), currency);
    }
}

/// <summary>The job object of <c>GET /export/jobs/{jobId}</c> and <c>GET /export/jobs</c>.</summary>
internal sealed record ExportJobView(
    string JobId,
    int UserId,
    int OrgId,
    string Title,
    string Module,
    long StartTime,
    long? EndTime,
    long? ExpiredTime,
    int Version,
    string FileName,
    string FileType,
    string Status,
    bool Viewed,
    bool CellsTruncated,
    bool RowsTruncated,
    int Downloads,
    IReadOnlyDictionary<string, string> DeliveryStatusMap,
    string Currency);

/// <summary>The <c>jobs</c> object of <c>GET /admin/limits</c>; runningJobIds is left out when nothing runs, as documented.</summary>
internal sealed record ExportLimits(
    int ConcurrentLimit,
    int MonthlyQuota,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? RunningJobIds,
    IReadOnlyList<string> SubmittedJobIds,
    int AvailableConcurrentLimit,
    int AvailableMonthlyQuota);
