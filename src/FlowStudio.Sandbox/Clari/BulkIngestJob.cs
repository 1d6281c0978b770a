namespace FlowStudio.Sandbox.Clari;

/// <summary>
/// One bulk ingestion job. Its state follows the time since submission: QUEUED, then IN_PROGRESS,
/// then SUCCESS or VALIDATION_FAILED (the file was checked on submission; the verdict shows when the job ends, after
/// <paramref name="runMilliseconds"/> as it is when asked).
/// </summary>
internal sealed class BulkIngestJob(string jobId, string fileName, long submittedTime, IngestParameters parameters, IngestPayload payload, Func<long> runMilliseconds)
{
    public const long QueuedMilliseconds = 200;

    public string JobId => jobId;

    public IngestParameters Parameters => parameters;

    public IngestPayload Payload => payload;

    public long FinishTime => submittedTime + runMilliseconds();

    public bool IsFinishedAt(long now) => now >= FinishTime;

    public BulkIngestStatus StatusAt(long now) =>
        now - submittedTime < QueuedMilliseconds ? BulkIngestStatus.Queued
        : !IsFinishedAt(now) ? BulkIngestStatus.InProgress
        : payload.IsValid ? BulkIngestStatus.Success
        : BulkIngestStatus.ValidationFailed;

    /// <summary>The job status body: <c>{message:{jobId, orgId, ... status, message}}</c>.</summary>
    public object ViewAt(long now)
    {
        var status = StatusAt(now);
        object message = status switch
        {
            BulkIngestStatus.Queued => "Bulk ingestion job is queued",
            BulkIngestStatus.InProgress => "Bulk ingestion job is in progress",
            BulkIngestStatus.Success => "Ingestion successfully completed.",
            _ => payload.Errors,
        };
        return new
        {
            message = new
            {
                jobId,
                orgId = ClariAccount.OrgId,
                userId = ClariAccount.UserId,
                module = "DATA_INGESTION",
                submittedTime,
                startTime = status == BulkIngestStatus.Queued ? (long?)null : submittedTime + QueuedMilliseconds,
                endTime = IsFinishedAt(now) ? FinishTime : (long?)null,
                title = "Data Ingestion",
                fileName,
                status = status.WireName(),
                message,
            },
        };
    }
}
