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
}
