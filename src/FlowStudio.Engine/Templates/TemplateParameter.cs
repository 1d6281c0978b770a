using Newtonsoft.Json;

namespace FlowStudio.Engine.Templates;

/// <summary>A value the user supplies when configuring a template (a form field in the UI).</summary>
public sealed record TemplateParameter
{
    /// <summary>Wire name: the path placeholder, query name, body property or header name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Label shown to the user, e.g. "Client ID".</summary>
    public string Label { get; init; } = "";

    /// <summary>Whether the template cannot be used without a value.</summary>
    public bool Required { get; init; }

    /// <summary>One of <see cref="ParameterTypes"/>.</summary>
    public string Type { get; init; } = ParameterTypes.String;

    /// <summary>
    /// Value used when the user gives none. Booleans and numbers are kept as invariant text ("true", "100");
    /// for <c>select</c> parameters this is an option label (or value), resolved by <see cref="ToWireValue"/>.
    /// </summary>
    [JsonConverter(typeof(ScalarAsStringConverter))]
    public string? Default { get; init; }

    /// <summary>Help text shown under the field.</summary>
    public string Description { get; init; } = "";

    /// <summary>One of <see cref="ParameterLocations"/>.</summary>
    public string In { get; init; } = ParameterLocations.Query;

    /// <summary>Choices of a <c>select</c> parameter.</summary>
    public IReadOnlyList<ParameterOption> Options { get; init; } = [];

    /// <summary>
    /// Query parameters only: the value is a comma-separated list and each item is sent as its own
    /// <c>name=item</c> pair (e.g. Clari's repeatable <c>oppId</c>).
    /// </summary>
    public bool Multiple { get; init; }

    /// <summary>
    /// The value to send for what the user entered: blank falls back to <see cref="Default"/>; a <c>select</c>
    /// label (case-insensitive) becomes its option's value. Returns null when there is nothing to send.
    /// </summary>
    public string? ToWireValue(string? value)
    {
        var effective = string.IsNullOrWhiteSpace(value) ? Default : value;
        if (effective is null || Options.Count == 0)
        {
            return effective;
        }

        var option = FindOption(effective);
        return option?.Value ?? effective;
    }

    /// <summary>The option whose value or label equals <paramref name="labelOrValue"/> (values match first).</summary>
    public ParameterOption? FindOption(string labelOrValue) =>
        Options.FirstOrDefault(o => string.Equals(o.Value, labelOrValue, StringComparison.Ordinal))
        ?? Options.FirstOrDefault(o => string.Equals(o.Label, labelOrValue, StringComparison.OrdinalIgnoreCase))
        ?? Options.FirstOrDefault(o => string.Equals(o.Value, labelOrValue, StringComparison.OrdinalIgnoreCase));
}
