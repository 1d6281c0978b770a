namespace FlowStudio.Application.Alerts;

/// <summary>A channel could not deliver an alert; the message says why in words a user can act on. A permanent failure is not retried.</summary>
internal sealed class AlertDeliveryException(string message, bool permanent = false, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
