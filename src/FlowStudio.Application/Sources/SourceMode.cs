namespace FlowStudio.Application.Sources;

/// <summary>How a source is configured: with an endpoint template (Template tab) or by hand (Advanced tab).</summary>
public enum SourceMode
{
    Template,
    Manual,
}
