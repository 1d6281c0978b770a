namespace FlowStudio.Sandbox.Control;

/// <summary>How many records of each ClientSuccess collection the sandbox seeds (API.md defaults).</summary>
public sealed record SeedCounts(
    int Clients = 250,
    int Contacts = 1000,
    int Contracts = 120,
    int ClientNotes = 500,
    int Pulses = 300)
{
    public static readonly SeedCounts Default = new();

    /// <summary>The most records of one collection a reset seeds.</summary>
    public const int Max = 1_000_000;

    /// <summary>Why these counts cannot be seeded (naming the count), or null.</summary>
    public string? Problem()
    {
        foreach (var (name, count) in new[] { ("clients", Clients), ("contacts", Contacts), ("contracts", Contracts), ("clientNotes", ClientNotes), ("pulses", Pulses) })
        {
            if (count is < 0 or > Max)
            {
                return $"{name} must be between 0 and {Max:N0}; it is {count}.";
            }
        }

        return Contacts > 0 && Clients == 0 ? "contacts need at least one client to belong to: set clients to 1 or more." : null;
    }
}
