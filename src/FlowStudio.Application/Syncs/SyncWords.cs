namespace FlowStudio.Application.Syncs;

/// <summary>The words of directions, filter matches and objects in the API and the stored configuration.</summary>
public static class SyncWords
{
    public const string Push = "push";
    public const string Pull = "pull";
    public const string PushAndPull = "push-and-pull";

    public static string ToWord(this SyncDirection direction) => direction switch
    {
        SyncDirection.Push => Push,
        SyncDirection.Pull => Pull,
        _ => PushAndPull,
    };

    /// <summary>A direction word in any case, with blanks, dashes or underscores between words ("PUSH AND PULL" too).</summary>
    public static bool TryParseDirection(string? word, out SyncDirection direction)
    {
        var folded = string.Join('-', (word ?? "").Trim().ToLowerInvariant().Split([' ', '_', '-'], StringSplitOptions.RemoveEmptyEntries));
        (var known, direction) = folded switch
        {
            Push => (true, SyncDirection.Push),
            Pull => (true, SyncDirection.Pull),
            PushAndPull => (true, SyncDirection.PushAndPull),
            _ => (false, default),
        };
        return known;
    }

    public static string ToWord(this SyncFilterMatch match) => match == SyncFilterMatch.All ? "all" : "any";

    public static string ToWord(this SyncObject obj) => obj == SyncObject.Client ? "client" : "contact";

    /// <summary>Whether a field whose own direction is <paramref name="field"/> moves data that way under <paramref name="objectDirection"/>.</summary>
    public static SyncDirection Effective(SyncDirection objectDirection, SyncDirection? field) =>
        objectDirection == SyncDirection.PushAndPull ? field ?? SyncDirection.PushAndPull : objectDirection;

    public static bool Pushes(this SyncDirection direction) => direction != SyncDirection.Pull;

    public static bool Pulls(this SyncDirection direction) => direction != SyncDirection.Push;
}
