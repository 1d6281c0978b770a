using System.ComponentModel.DataAnnotations;

namespace FlowStudio.Application.Runs;

/// <summary>
/// How the background engine runs sources and destinations: configuration section <c>Engine</c>
/// (environment variables <c>Engine__MaxConcurrentRuns</c>, <c>Engine__RateLimits__clari</c>, ...). Checked at start.
/// </summary>
internal sealed class EngineOptions : IValidatableObject
{
    public const string Section = "Engine";

    /// <summary>Runs (source reads and deliveries together) executing at once. Default 4.</summary>
    [Range(1, 64)]
    public int MaxConcurrentRuns { get; set; } = 4;

    /// <summary>Requests one destination has in flight at once. Default 1, the pace vendors ask for.</summary>
    [Range(1, 32)]
    public int DestinationConcurrency { get; set; } = 1;

    /// <summary>Delivery requests in flight at once across all destinations. Default 16.</summary>
    [Range(1, 256)]
    public int DeliveryConcurrency { get; set; } = 16;

    /// <summary>Runs that may try a record before it is dead-lettered ("Retry failed records" re-queues it). Default 3.</summary>
    [Range(1, 100)]
    public int DeliveryMaxAttempts { get; set; } = 3;

    /// <summary>How long an active destination waits before a new run retries its failed records. Default 15 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan FailedRetryDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A delivery run that finds more than twice this many new records splits them into slices of record ids, which any
    /// worker with a free slot delivers (several workers share one large delivery). Default 50,000; 0 never splits.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int DeliverySliceRecords { get; set; } = 50_000;

    /// <summary>
    /// The most pages one source run reads from one URL (each lookup row's URL counts apart): a guard against an API that
    /// pages forever. A run that stops there says so. Default 100,000 (10,000,000 records in pages of 100).
    /// </summary>
    [Range(1, 100_000)]
    public int SourceMaxPages { get; set; } = 100_000;

    /// <summary>The most slices one delivery run is split into. Default 8.</summary>
    [Range(1, 64)]
    public int DeliveryMaxSlices { get; set; } = 8;

    /// <summary>
    /// Slices one instance executes at once, beside its <see cref="MaxConcurrentRuns"/> runs; the other slices of a run
    /// wait for another worker (or for one of these to end). Default 4: two workers share a run's 8 slices.
    /// </summary>
    [Range(1, 64)]
    public int DeliverySlicesPerInstance { get; set; } = 4;

    /// <summary>HTTP retries of one call (429, 5xx, network faults) for sources and destinations. Default 3.</summary>
    [Range(0, 20)]
    public int HttpRetries { get; set; } = 3;

    /// <summary>
    /// Requests per second allowed per credential, keyed by credential id or connector id (<c>clari</c>,
    /// <c>clientsuccess</c>, <c>rest</c>); a credential's own entry wins. Paging, batches and retries share it.
    /// Default: none, every credential unlimited (0 also means unlimited).
    /// </summary>
    public Dictionary<string, double> RateLimits { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// With PostgreSQL, how often each instance tells the cluster it is alive. An instance silent for three intervals is
    /// taken for dead, and another one executes its runs again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Days a finished run is kept; older runs are deleted (records' delivery state stays). Default 30.</summary>
    [Range(1, 36500)]
    public int RunRetentionDays { get; set; } = 30;

    /// <summary>How often old runs are cleaned up. Default 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (key, limit) in RateLimits)
        {
            if (limit is < 0 or > 100_000 || double.IsNaN(limit))
            {
                yield return new ValidationResult(
                    $"Engine:RateLimits:{key} must be between 0 (unlimited) and 100000 requests per second.", [nameof(RateLimits)]);
            }
        }
    }
}
