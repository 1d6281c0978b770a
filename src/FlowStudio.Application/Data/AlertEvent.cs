namespace FlowStudio.Application.Data;

/// <summary>What an alert rule watches for in a flow's runs.</summary>
public enum AlertEvent
{
    /// <summary>A run of the flow's source or of one of its destinations failed.</summary>
    RunFailed,

    /// <summary>A destination run's failed records exceeded the rule's threshold.</summary>
    FailedRecords,

    /// <summary>A run of the source succeeded but read no record.</summary>
    ZeroRecords,
}
