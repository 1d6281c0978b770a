namespace FlowStudio.Application.Data;

/// <summary>Where a sent alert stands.</summary>
public enum AlertStatus
{
    /// <summary>Not tried yet.</summary>
    Pending,

    Sent,

    /// <summary>The last attempt failed; another follows at <see cref="Alert.NextAttemptAt"/> unless that is null.</summary>
    Failed,
}
