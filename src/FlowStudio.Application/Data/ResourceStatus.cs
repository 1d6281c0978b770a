namespace FlowStudio.Application.Data;

/// <summary>Whether a source or destination works on its own: stored and shown as "paused" or "active".</summary>
public enum ResourceStatus
{
    /// <summary>Does nothing until asked: no schedule, no delivery, a webhook source refuses records.</summary>
    Paused,

    /// <summary>A source runs on its schedule (a webhook source receives); a destination delivers records as they arrive.</summary>
    Active,
}
