namespace FlowStudio.Application.Sources;

/// <summary>
/// A source's state in words, the same on every page and menu: an API source is "Active" or "Paused"; a webhook source
/// is "Receiving" (its intake takes records) or "Paused" (its intake refuses them).
/// </summary>
public static class SourceStateWords
{
    public static string For(string kind, string status) => (kind, status) switch
    {
        ("webhook", "active") => "Receiving",
        (_, "active") => "Active",
        (_, "paused") => "Paused",
        _ => status.Length == 0 ? "Unknown" : char.ToUpperInvariant(status[0]) + status[1..],
    };

    /// <summary>The menu action that changes the state: "Pause" while active or receiving, else "Activate".</summary>
    public static string Toggle(string status) => status == "active" ? "Pause" : "Activate";
}
