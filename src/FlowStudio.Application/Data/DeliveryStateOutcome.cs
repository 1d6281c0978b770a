using System.Text.Json.Serialization;

namespace FlowStudio.Application.Data;

/// <summary>Where one dataset record stands with one destination: stored and shown as "inflight", "sent", "failed" or "dead".</summary>
public enum DeliveryStateOutcome
{
    /// <summary>Its request is about to be sent or was sent without an answer yet (a crash re-sends it).</summary>
    [JsonStringEnumMemberName("inflight")]
    InFlight,

    Sent,

    /// <summary>Failed; tried again by a later run.</summary>
    Failed,

    /// <summary>Failed too often; re-queued only by "Retry failed records".</summary>
    Dead,
}
