namespace FlowStudio.Application.Data;

/// <summary>How a source gets its records: stored and shown as "api" or "webhook".</summary>
public enum SourceKind
{
    /// <summary>Reads an endpoint.</summary>
    Api,

    /// <summary>Records are pushed to it.</summary>
    Webhook,
}
