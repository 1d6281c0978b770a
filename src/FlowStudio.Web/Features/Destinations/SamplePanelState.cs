using FlowStudio.Engine;

namespace FlowStudio.Web.Features.Destinations;

/// <summary>
/// What the Sample Payload panel shows: the payloads the current settings produce, or the problems that stop them;
/// <see cref="TestMode"/> makes each payload editable with a Send Test Data button.
/// </summary>
public sealed record SamplePanelState(IReadOnlyList<PayloadSample>? Samples, IReadOnlyList<PanelProblem> Problems, bool TestMode)
{
    /// <summary>Nothing configured yet.</summary>
    public static readonly SamplePanelState NotYet = new(null, [], false);
}

/// <summary>A problem with the settings; <see cref="InputId"/> is the field that shows it, when the page has one.</summary>
public sealed record PanelProblem(string Message, string? Label = null, string? InputId = null)
{
    public static PanelProblem From(FieldError error) => new(error.Message);
}
