using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Templates;

/// <summary>
/// A pre-built endpoint configuration for one connector and direction ("Search Pulses", "Delete Contact").
/// Loaded from <c>templates/{connector}.{direction}.json</c> by <see cref="TemplateCatalog"/>.
/// </summary>
public sealed partial record EndpointTemplate
{
    /// <summary>Stable id, e.g. "clientsuccess.search-pulses".</summary>
    public string Id { get; init; } = "";

    /// <summary>Connector id ("clientsuccess", "clari"), taken from the template file.</summary>
    public string Connector { get; init; } = "";

    /// <summary>"source" or "destination" (<see cref="TemplateDirections"/>), taken from the template file.</summary>
    public string Direction { get; init; } = "";

    /// <summary>Name shown in the endpoint pulldown, e.g. "Search Pulses".</summary>
    public string Name { get; init; } = "";

    /// <summary>What the endpoint does, in our own words.</summary>
    public string Description { get; init; } = "";

    /// <summary>HTTP method in upper case.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>Path relative to the connection's base URL, with <c>{name}</c> placeholders for path parameters.</summary>
    public string Path { get; init; } = "";

    /// <summary>Values the user supplies.</summary>
    public IReadOnlyList<TemplateParameter> Parameters { get; init; } = [];

    /// <summary>How results are paged (sources).</summary>
    public PaginationSpec Pagination { get; init; } = PaginationSpec.None;

    /// <summary>JSONPath to the records in a response (sources), e.g. "$.data[*]".</summary>
    public string? DataPath { get; init; }

    /// <summary>JSONPath to metadata copied onto every record (sources), e.g. "$.totalElements".</summary>
    public string? MetadataPath { get; init; }

    /// <summary>
    /// JSON body template for sources that send one: strings <c>"{param}"</c> are replaced by parameter values, and
    /// parameters with <c>in: body</c> are added as properties. Null with body parameters means a body of just those.
    /// </summary>
    [JsonProperty]
    internal JToken? Body { get; init; }

    /// <summary>Record property that identifies a record (used as its lookup key).</summary>
    public string? Key { get; init; }

    /// <summary>How records become requests (destinations only).</summary>
    public DeliverySpec? Delivery { get; init; }

    /// <summary>The fields each record carries to the endpoint (destinations only), required ones first.</summary>
    public IReadOnlyList<TemplateField> Fields { get; init; } = [];

    /// <summary>The field named <paramref name="name"/>, if declared.</summary>
    public TemplateField? Field(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    /// <summary>The parameter named <paramref name="name"/>, if declared.</summary>
    public TemplateParameter? Parameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    /// <summary>
    /// The wire value of every parameter for what the user entered (keyed by parameter name): blanks fall back to
    /// defaults and select labels become option values. Parameters with no value map to null.
    /// </summary>
    public IReadOnlyDictionary<string, string?> ResolveParameters(IReadOnlyDictionary<string, string?> values)
    {
        var resolved = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var parameter in Parameters)
        {
            values.TryGetValue(parameter.Name, out var given);
            resolved[parameter.Name] = parameter.ToWireValue(given);
        }

        return resolved;
    }

    /// <summary>Required parameters that have neither a value in <paramref name="values"/> nor a default.</summary>
    public IReadOnlyList<TemplateParameter> MissingRequired(IReadOnlyDictionary<string, string?> values) =>
        Parameters.Where(p => p.Required && string.IsNullOrWhiteSpace(p.ToWireValue(values.GetValueOrDefault(p.Name))))
            .ToList();

    /// <summary>The <c>{name}</c> placeholders of a path, in order.</summary>
    public static IReadOnlyList<string> PathPlaceholders(string path) =>
        PlaceholderPattern().Matches(path).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex PlaceholderPattern();
}

/// <summary>Template directions.</summary>
public static class TemplateDirections
{
    /// <summary>Reads records from an API.</summary>
    public const string Source = "source";

    /// <summary>Sends records to an API.</summary>
    public const string Destination = "destination";
}
