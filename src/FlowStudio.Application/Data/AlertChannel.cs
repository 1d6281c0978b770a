namespace FlowStudio.Application.Data;

/// <summary>How an alert reaches people.</summary>
public enum AlertChannel
{
    Email,
    Webhook,
}
