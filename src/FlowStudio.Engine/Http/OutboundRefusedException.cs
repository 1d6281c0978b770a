namespace FlowStudio.Engine.Http;

/// <summary>An outbound call the <see cref="OutboundPolicy"/> refused; never retried. The message says why and what to do.</summary>
public sealed class OutboundRefusedException(string message) : IOException(message);
