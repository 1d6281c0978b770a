namespace FlowStudio.Web.Features.Sources;

/// <summary>One line of a source's configuration summary; <see cref="Lines"/> shows a list under the value (e.g. next runs).</summary>
public sealed record SummaryItem(string Term, string Value, bool Monospace = false)
{
    public IReadOnlyList<string> Lines { get; init; } = [];
}
