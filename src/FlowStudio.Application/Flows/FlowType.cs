namespace FlowStudio.Application.Flows;

/// <summary>A kind of data flow offered by New Data Flow.</summary>
public sealed record FlowType(string Id, string Name, string Description)
{
    public const string FlexFlowId = "flexflow";

    public const string WebhookId = "webhook";

    public const string SyncId = "sync";

    /// <summary>
    /// FlexFlow reads from any API connector; Webhook is the same flow fed by other systems instead (the Webhook
    /// connector, chosen directly); Sync keeps ClientSuccess and a CRM in step both ways (its own set-up).
    /// </summary>
    public static readonly IReadOnlyList<FlowType> All =
    [
        new(FlexFlowId, "FlexFlow",
            "Read records from an API into a dataset, then send them to one or more API destinations. Works with any connector."),
        new(WebhookId, "Webhook",
            "Other systems POST records to FlowStudio; they land in a dataset, ready to send to API destinations."),
        new(SyncId, "Sync",
            "Keep ClientSuccess clients and contacts in step with Zoho CRM accounts and contacts, both ways: import filters, field mappings, sync direction and frequency."),
    ];

    public static FlowType? Find(string? id) => All.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));
}
