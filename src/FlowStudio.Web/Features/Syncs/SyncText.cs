namespace FlowStudio.Web.Features.Syncs;

/// <summary>The words the sync screens use for directions, operators and objects, in the seed's terms.</summary>
public static class SyncText
{
    /// <summary>The seed's rule, quoted beside superseded field directions.</summary>
    public const string SupersedeRule =
        "If the object-level sync direction is set to PUSH or PULL only, it will supersede field-level mappings. The object-level PUSH AND PULL sync direction will honor each individual field mapping's sync direction.";

    public static readonly IReadOnlyList<(string Word, string Label)> Directions =
        [(SyncWords.Push, "PUSH"), (SyncWords.Pull, "PULL"), (SyncWords.PushAndPull, "PUSH AND PULL")];

    public static readonly IReadOnlyList<(string Word, string Label)> Operators =
        [("equals", "="), ("not_equal", "≠"), ("starts_with", "starts with"), ("in", "is one of")];

    public static string Direction(string? word) =>
        Directions.FirstOrDefault(d => d.Word == word).Label ?? (string.IsNullOrEmpty(word) ? "Object's direction" : word);

    /// <summary>"Client" or "Contact".</summary>
    public static string Name(SyncObject obj) => obj == SyncObject.Client ? "Client" : "Contact";

    /// <summary>The CRM object each ClientSuccess object comes from: "Account" or "Contact".</summary>
    public static string CrmName(SyncObject obj) => obj == SyncObject.Client ? "Account" : "Contact";

    /// <summary>The service's field path prefix: "clients" or "contacts".</summary>
    public static string Path(SyncObject obj) => obj.ToWord() + "s";
}
