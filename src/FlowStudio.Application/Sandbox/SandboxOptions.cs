using System.ComponentModel.DataAnnotations;

namespace FlowStudio.Application.Sandbox;

/// <summary>The embedded default: the ClientSuccess and Clari simulators mounted in the host.</summary>
internal sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>Mount the simulators under /sandbox. Default true; production turns it off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Where an instance that does not mount the sandbox (a worker) calls it: the web instance's address, e.g.
    /// <c>http://web:8080</c>. Empty (the default): the instance that runs the flow, which mounts it itself.
    /// </summary>
    [Url(ErrorMessage = "Sandbox:Url must be an absolute http or https address, such as http://web:8080.")]
    public string? Url { get; set; }

    /// <summary>On first start, create the "ClientSuccess Sandbox" and "Clari Sandbox" credentials. Default true.</summary>
    public bool Seed { get; set; } = true;
}
