namespace FlowStudio.Application.Data;

/// <summary>What a run executes: stored and shown as "source" or "destination".</summary>
public enum RunKind
{
    Source,
    Destination,
}
