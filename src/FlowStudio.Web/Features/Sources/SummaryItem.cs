namespace FlowStudio.Web.Features.Sources;

/// <summary>One line of a source's configuration summary.</summary>
public sealed record SummaryItem(string Term, string Value, bool Monospace = false);
