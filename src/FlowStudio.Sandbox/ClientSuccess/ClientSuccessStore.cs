using FlowStudio.Sandbox.Control;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>The simulated ClientSuccess tenant: deterministic seed data, thread-safe.</summary>
public sealed class ClientSuccessStore
{
    public void Reset(SeedCounts counts) { }

    public object Snapshot() => new { clients = 0, contacts = 0, contracts = 0, clientNotes = 0, pulses = 0 };
}
