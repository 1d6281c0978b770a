using System.Text.Json.Serialization;

namespace FlowStudio.Application.Data;

/// <summary>Where a failed record stands: shown as "failed" (tried again by a later run) or "dead" (failed for good, until "Retry failed records").</summary>
public enum DeliveryStateOutcome
{
    /// <summary>Failed; tried again by a later run.</summary>
    Failed,

    /// <summary>Failed for good (a permanent error or too many attempts); re-queued only by "Retry failed records".</summary>
    Dead,
}
