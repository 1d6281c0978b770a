using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Destinations;

/// <summary>One dataset record to deliver: the host's record id (used to track its outcome) and its fields.</summary>
public sealed record DeliveryRecord(long Id, JObject Data);
