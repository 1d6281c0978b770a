using FlowStudio.Engine.Macros;
using FlowStudio.Engine.Templates;

namespace FlowStudio.Engine.Sources;

/// <summary>
/// How a source calls its API and reads records: from a template (<see cref="FromTemplate"/>) or configured by hand.
/// Check it with <see cref="SourceValidator.Validate"/>; read it with <see cref="SourceReader"/>.
/// </summary>
public sealed record SourceConfig
{
    /// <summary>The page cap when none is given.</summary>
    public const int DefaultMaxPages = 1000;

    /// <summary>HTTP method, e.g. "GET".</summary>
    public string Method { get; init; } = "GET";

    /// <summary>Absolute http(s) URL, or a path on the connection's base URL starting with "/". May hold macros.</summary>
    public string Url { get; init; } = "";

    /// <summary>Extra request headers (the connection's auth headers are added automatically).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>JSON request body, or null for none.</summary>
    public string? Body { get; init; }

    /// <summary>JSONPath (e.g. "$.data[*]") or XPath to the records; null = the whole response.</summary>
    public string? DataPath { get; init; }

    /// <summary>JSONPath or XPath to metadata copied into every record under <c>_metadata</c>.</summary>
    public string? MetadataPath { get; init; }

    /// <summary>Date format for date/time macros: an id of <see cref="MacroDateFormats.All"/>; null = ISO 8601.</summary>
    public string? DateFormat { get; init; }

    /// <summary>Time unit for date/time macro offsets ("minute" … "year"); null = day.</summary>
    public string? TimeUnit { get; init; }

    /// <summary>How results are paged.</summary>
    public PaginationSpec Pagination { get; init; } = PaginationSpec.None;

    /// <summary>At most this many pages per read (per lookup row); guards against APIs that never end.</summary>
    public int MaxPages { get; init; } = DefaultMaxPages;

    /// <summary>Record property that identifies a record, when known (from the template's <c>key</c>).</summary>
    public string? Key { get; init; }

    /// <summary>
    /// The record field an incremental source keeps its cursor on (e.g. <c>modifiedTime</c>); needed by <c>{cursor}</c>.
    /// </summary>
    public string? CursorField { get; init; }

    /// <summary>What <c>{cursor}</c> becomes in this read: the source's cursor, or its initial value; null (empty) when neither.</summary>
    public string? Cursor { get; init; }

    /// <summary>The date/time macro settings; throws <see cref="InvalidSourceException"/> for an unknown unit or format.</summary>
    public DateMacroSettings MacroSettings()
    {
        if (!MacroTimeUnits.TryParse(TimeUnit, out var unit))
        {
            throw new InvalidSourceException([new FieldError("timeUnit", $"Unknown time unit \"{TimeUnit}\".")]);
        }

        if (!MacroDateFormats.IsKnown(DateFormat))
        {
            throw new InvalidSourceException([new FieldError("dateFormat", $"Unknown date format \"{DateFormat}\".")]);
        }

        return new DateMacroSettings(string.IsNullOrWhiteSpace(DateFormat) ? MacroDateFormats.Default : DateFormat.Trim(), unit);
    }

    /// <summary>
    /// The configuration for <paramref name="template"/> with the user's <paramref name="parameters"/> (keyed by
    /// parameter name): path parameters fill <c>{name}</c>, query parameters are added to the URL, body parameters to
    /// the JSON body, header parameters to the headers. Blank values fall back to defaults; select labels become
    /// option values. Throws <see cref="InvalidSourceException"/> with "parameters.&lt;name&gt;" errors for missing
    /// required values and values of the wrong type.
    /// </summary>
    public static SourceConfig FromTemplate(EndpointTemplate template, IReadOnlyDictionary<string, string?> parameters) =>
        TemplateSourceBuilder.Build(template, parameters);
}
