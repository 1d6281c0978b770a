namespace FlowStudio.Engine.Templates;

/// <summary>One choice of a <c>select</c> parameter: what the user sees and what goes on the wire.</summary>
/// <param name="Label">Shown to the user, e.g. "Upsert".</param>
/// <param name="Value">Sent to the API, e.g. "incremental". Several labels may share one value.</param>
public sealed record ParameterOption(string Label, string Value);
