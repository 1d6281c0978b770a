namespace FlowStudio.Engine.Http;

/// <summary>No connection could be made. One message for refused, unreachable and filtered ports alike.</summary>
public sealed class OutboundConnectException(string message) : IOException(message);
