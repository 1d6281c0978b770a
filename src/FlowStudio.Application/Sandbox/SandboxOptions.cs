namespace FlowStudio.Application.Sandbox;

/// <summary>The embedded default: the ClientSuccess and Clari simulators mounted in the host.</summary>
internal sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>Mount the simulators under /sandbox. Default true; production turns it off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>On first start, create the "ClientSuccess Sandbox" and "Clari Sandbox" credentials. Default true.</summary>
    public bool Seed { get; set; } = true;
}
