using FlowStudio.Engine.Http;
using FlowStudio.Engine.Macros;
using FlowStudio.Engine.Templates;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Destinations;

/// <summary>
/// How a destination turns dataset records into API calls: the manual (Advanced) settings, or the settings
/// derived from an endpoint template by <see cref="FromTemplate"/>. Check it with <see cref="DestinationValidator"/>.
/// </summary>
public sealed record DestinationConfig
{
    /// <summary>POST, PUT, PATCH or DELETE (<see cref="DestinationMethods"/>).</summary>
    public string Method { get; init; } = "POST";

    /// <summary>Content Format, one of <see cref="ContentFormats"/> (the conversion rules are documented there). Default <c>json</c>.</summary>
    public string ContentFormat { get; init; } = ContentFormats.Json;

    /// <summary>
    /// Absolute URL or a path relative to the credential's base URL. <c>{field}</c> macros take a record field's
    /// value (one request per record); <c>{now}</c>, <c>{now-N}</c> are date macros.
    /// </summary>
    public string Url { get; init; } = "";

    /// <summary>Request headers added to every call (the credential's auth headers come on top).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Record attributes left out of request bodies (URL field macros can still use them).</summary>
    public IReadOnlyList<string> ExcludeAttributes { get; init; } = [];

    /// <summary>Record batching and grouping.</summary>
    public BatchingOptions Batching { get; init; } = BatchingOptions.Off;

    /// <summary>Whether each API response feeds a webhook source (the host forwards <see cref="DeliveryResult"/>s).</summary>
    public bool ResponseWebhook { get; init; }

    /// <summary>
    /// A template's body: <c>"$records"</c> becomes the batch array, <c>"$record"</c> the record, <c>"{param}"</c> a
    /// parameter value. When set it replaces the grouping algorithm. Null: the record (per record) or the grouping.
    /// </summary>
    internal JToken? BodyTemplate { get; init; }

    /// <summary>One of <see cref="DeliveryEncodings"/>: <c>json</c> or <c>multipartFile</c>.</summary>
    public string Encoding { get; init; } = DeliveryEncodings.Json;

    /// <summary>The multipart part that carries the JSON file when <see cref="Encoding"/> is <c>multipartFile</c>.</summary>
    public string FilePart { get; init; } = "FileData";

    /// <summary>Retries for every call. Default: 3 retries with exponential backoff.</summary>
    public RetryOptions Retry { get; init; } = RetryOptions.Default;

    /// <summary>How <c>{now-N}</c> macros in the URL are written and stepped.</summary>
    public DateMacroSettings DateMacros { get; init; } = DateMacroSettings.Default;

    /// <summary>Field mapping and per-record checks applied before anything else.</summary>
    public RecordShape Shape { get; init; } = RecordShape.None;

    /// <summary>The template this config came from, if any (its parameters are validated against it).</summary>
    public EndpointTemplate? Template { get; init; }

    /// <summary>The parameter values as the user entered them (template destinations).</summary>
    public IReadOnlyDictionary<string, string?> Parameters { get; init; } = new Dictionary<string, string?>();

    /// <summary>Whether sending the same request twice has the same effect as once (from the template).</summary>
    public bool Idempotent { get; init; }

    /// <summary>The body kind requests get: none for DELETE, else per <see cref="Encoding"/>.</summary>
    public RequestBodyKind BodyKind =>
        string.Equals(Method, "DELETE", StringComparison.OrdinalIgnoreCase) ? RequestBodyKind.None
        : Encoding == DeliveryEncodings.MultipartFile ? RequestBodyKind.MultipartJsonFile
        : RequestBodyKind.Json;

    /// <summary>
    /// The destination a template describes, with the user's parameter values: path parameters fill the path
    /// (a <c>field</c> parameter becomes a <c>{field}</c> macro, so each record supplies its own value), query
    /// parameters are appended, header parameters become headers, and the template's delivery decides batching
    /// and the body. Problems (a missing required value, an unknown option) are reported by the validator.
    /// </summary>
    public static DestinationConfig FromTemplate(EndpointTemplate template, IReadOnlyDictionary<string, string?> parameters) =>
        TemplateDestination.Build(template, parameters);
}

/// <summary>HTTP methods a destination may use.</summary>
public static class DestinationMethods
{
    /// <summary>POST, PUT, PATCH, DELETE.</summary>
    public static readonly IReadOnlyList<string> All = ["POST", "PUT", "PATCH", "DELETE"];
}
