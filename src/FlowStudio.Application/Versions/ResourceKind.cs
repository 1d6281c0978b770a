namespace FlowStudio.Application.Versions;

/// <summary>The resources that keep versions of their configuration.</summary>
public enum ResourceKind
{
    Source,
    Destination,
}
