namespace FlowStudio.Application.Syncs;

/// <summary>A call a sync could not do without (reading records): the run fails with this message.</summary>
internal sealed class SyncCallException(string message) : Exception(message);
