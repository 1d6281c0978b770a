namespace FlowStudio.Application.Credentials;

/// <summary>A source or destination that calls its API with a credential.</summary>
internal sealed record CredentialDependent(string Kind, string Id, string Name);

/// <summary>What Delete did: nothing when the credential was not found or is still used (<see cref="Dependents"/>), else deleted it.</summary>
internal sealed record CredentialDeletion(bool Found, string? Name, IReadOnlyList<CredentialDependent> Dependents)
{
    public static readonly CredentialDeletion NotFound = new(false, null, []);

    public bool Deleted => Found && Dependents.Count == 0;

    /// <summary>Why the credential was kept, naming what uses it and what to do, in the words the page and the API both show.</summary>
    public string Refusal => $"“{Name}” is used by {Describe(Dependents)}. Move them to another credential (Edit on each) or delete them first; "
        + "a credential they still use cannot be deleted.";

    /// <summary>"the source “A” and the destinations “B” and “C”".</summary>
    public static string Describe(IReadOnlyList<CredentialDependent> dependents) =>
        Join([.. dependents.GroupBy(d => d.Kind).Select(g => $"the {g.Key}{(g.Count() == 1 ? "" : "s")} {Join([.. g.Select(d => $"“{d.Name}”")])}")]);

    private static string Join(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
    };
}
