namespace FlowStudio.Engine.Destinations;

/// <summary>A record cannot be turned into a request; the message is the record's failure as the user sees it.</summary>
internal sealed class RecordRejectedException(string message) : Exception(message);
