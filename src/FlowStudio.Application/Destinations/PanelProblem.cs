namespace FlowStudio.Application.Destinations;

/// <summary>A problem that stops the sample payloads; <see cref="InputId"/> is the field that shows it, when the page has one.</summary>
public sealed record PanelProblem(string Message, string? Label = null, string? InputId = null);
