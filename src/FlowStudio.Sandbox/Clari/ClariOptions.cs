namespace FlowStudio.Sandbox.Clari;

/// <summary>Tenant limits and wire choices of the simulated Clari org.</summary>
/// <param name="ExportConcurrentLimit">Export jobs that may run at once (<c>/admin/limits</c> example: 3).</param>
/// <param name="ExportMonthlyQuota">Export jobs allowed in a rolling 30 days (<c>/admin/limits</c> example: 1000).</param>
/// <param name="FlatExportJobStatus">
/// The spec shows <c>GET /export/jobs/{jobId}</c> as a flat object, production clients read it under <c>job</c>;
/// wrapped is the default, <c>?flat=true</c> or this option gives the flat object.
/// </param>
/// <param name="MaxConcurrentIngestJobs">Bulk ingest jobs a partner may have queued or running (unpublished by Clari).</param>
/// <param name="IngestJobMilliseconds">
/// How long a bulk ingest job runs from submission to its end. Jobs are read against the current value, so a test can
/// hold jobs in progress with a long one and let them end by setting it back.
/// </param>
public sealed record ClariOptions(
    int ExportConcurrentLimit = 3,
    int ExportMonthlyQuota = 1000,
    bool FlatExportJobStatus = false,
    int MaxConcurrentIngestJobs = 5,
    long IngestJobMilliseconds = 600)
{
    public static readonly ClariOptions Default = new();
}
