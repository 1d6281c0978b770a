namespace FlowStudio.Application.Sources;

/// <summary>
/// A source's state in words, the same on every page and menu: an API source is "Active" or "Paused"; a webhook source
/// is "Receiving" (its intake takes records) or "Paused" (its intake refuses them).
/// </summary>
public static class SourceStateWords
{
    public static string For(SourceKind kind, ResourceStatus status) => (kind, status) switch
    {
        (SourceKind.Webhook, ResourceStatus.Active) => "Receiving",
        (_, ResourceStatus.Active) => "Active",
        _ => "Paused",
    };

    /// <summary>The menu action that changes the state: "Pause" while active or receiving, else "Activate".</summary>
    public static string Toggle(ResourceStatus status) => status == ResourceStatus.Active ? "Pause" : "Activate";
}
