using System.Text.Json;
using System.Text.Json.Serialization;
using FlowStudio.Engine;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Macros;
using FlowStudio.Engine.Templates;

namespace FlowStudio.Application.Sources;

/// <summary>
/// The source editor's model: what the Template and Advanced tabs show, bound field by field. It maps to the request
/// the REST API takes (<see cref="CreateSourceRequest"/>), so Create and Save go through the same service methods as the
/// API, and it carries the settings the editor has no field for (the record key, a template source's cursor field) so
/// Save keeps them.
/// </summary>
public sealed class SourceDraft
{
    private static readonly JsonSerializerOptions FingerprintJson = new();

    public string? Connector { get; set; }

    public string? CredentialId { get; set; }

    /// <summary>Which tab the user is on; the other tab's settings are kept but not saved.</summary>
    [JsonIgnore]
    public SourceMode Mode { get; set; } = SourceMode.Template;

    public string? Name { get; set; }

    public string? TemplateId { get; set; }

    /// <summary>Template field values by parameter name (every template the user looked at; only the chosen one's are saved).</summary>
    public Dictionary<string, string?> Parameters { get; set; } = new(StringComparer.Ordinal);

    public string Method { get; set; } = "GET";

    public string? Url { get; set; }

    public string DateFormat { get; set; } = MacroDateFormats.Default;

    public string TimeUnit { get; set; } = "day";

    public string? LookupId { get; set; }

    public string? DataPath { get; set; }

    public string? MetadataPath { get; set; }

    /// <summary>Request Headers as typed: <c>header1:value1,header2:value2</c>.</summary>
    public string? Headers { get; set; }

    public string? Body { get; set; }

    /// <summary>Cursor Field: the record field an incremental source remembers the largest value of (Advanced tab).</summary>
    public string? CursorField { get; set; }

    /// <summary>Initial Cursor Value: what <c>{cursor}</c> is before the first run.</summary>
    public string? CursorStart { get; set; }

    /// <summary>The saved source's cursor now (edit screen), shown as <c>{cursor}</c>'s value in the macro list.</summary>
    [JsonIgnore]
    public string? Cursor { get; set; }

    /// <summary>The manual call's record key, set through the API; no field shows it, Save keeps it.</summary>
    public string? Key { get; set; }

    /// <summary>A template source's cursor field, set through the API; no field shows it, Save keeps it.</summary>
    public string? TemplateCursorField { get; set; }

    public PaginationDraft Pagination { get; set; } = new();

    public ScheduleDraft Schedule { get; set; } = new();

    public bool HasBody => Method is "POST" or "PUT" or "PATCH";

    /// <summary>A new source for <paramref name="credentialId"/>: the Template tab when the connector has templates, else Advanced.</summary>
    public static SourceDraft New(string connector, string credentialId, bool hasTemplates) => new()
    {
        Connector = connector,
        CredentialId = credentialId,
        Mode = hasTemplates ? SourceMode.Template : SourceMode.Manual,
    };

    /// <summary>The editor prefilled with a saved source, every setting included.</summary>
    internal static SourceDraft From(SavedSource saved)
    {
        var request = saved.Request;
        var manual = request.Manual;
        return new SourceDraft
        {
            Connector = saved.View.Connector,
            CredentialId = request.CredentialId,
            Mode = manual is null ? SourceMode.Template : SourceMode.Manual,
            Name = request.Name,
            TemplateId = request.TemplateId,
            Parameters = new Dictionary<string, string?>(request.Parameters ?? [], StringComparer.Ordinal),
            Method = (Blank(manual?.Method) ?? "GET").ToUpperInvariant(),
            Url = manual?.Url,
            DateFormat = Blank(manual?.DateFormat) ?? MacroDateFormats.Default,
            TimeUnit = Blank(manual?.TimeUnit) ?? "day",
            LookupId = manual?.LookupIds?.FirstOrDefault(),
            DataPath = manual?.DataPath,
            MetadataPath = manual?.MetadataPath,
            Headers = manual?.Headers is { Count: > 0 } headers ? RequestHeaderParser.Format(headers) : null,
            Body = manual?.Body,
            CursorField = manual is null ? null : Blank(manual.CursorField) ?? Blank(request.CursorField),
            CursorStart = manual?.CursorStart,
            Cursor = saved.View.Cursor,
            Key = manual?.Key,
            TemplateCursorField = manual is null ? Blank(request.CursorField) : null,
            Pagination = PaginationDraft.From(manual?.Pagination),
            Schedule = ScheduleDraft.From(request.Schedule),
        };
    }

    /// <summary>
    /// The request for <see cref="SourceService"/> and <see cref="SourceTester"/>, plus the problems only the editor can
    /// have (headers text, numbers). A blank name becomes the default name (the connector and the endpoint).
    /// </summary>
    internal (CreateSourceRequest Request, IReadOnlyList<FieldError> Errors) ToRequest(TemplateCatalog templates)
    {
        var errors = new List<FieldError>();
        var name = Blank(Name) ?? DefaultName(templates);
        var schedule = Schedule.ToSchedule(errors);
        if (Mode == SourceMode.Template)
        {
            var names = TemplateId is null ? null : templates.Find(TemplateId)?.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            var parameters = Parameters.Where(p => names?.Contains(p.Key) ?? false)
                .ToDictionary(p => p.Key, p => Blank(p.Value) is null ? null : p.Value, StringComparer.Ordinal);
            return (new CreateSourceRequest(name, CredentialId, TemplateId, parameters, null, Schedule: schedule, CursorField: TemplateCursorField), errors);
        }

        var headers = RequestHeaderParser.Parse(Headers);
        errors.AddRange(headers.Problems.Select(p => new FieldError("headers", p)));
        var manual = new ManualSourceRequest(
            Method,
            Url?.Trim(),
            headers.Headers.ToDictionary(h => h.Key, h => h.Value),
            HasBody ? Blank(Body) : null,
            Blank(DataPath),
            Blank(MetadataPath),
            DateFormat,
            TimeUnit,
            LookupId is null ? null : [LookupId],
            Pagination.ToSpec(errors),
            Key,
            Blank(CursorField),
            Blank(CursorStart));
        return (new CreateSourceRequest(name, CredentialId, null, null, manual, Schedule: schedule), errors);
    }

    /// <summary>The name used when the user leaves Name empty: the connector and the endpoint, e.g. "ClientSuccess Search Pulses".</summary>
    public string? DefaultName(TemplateCatalog templates)
    {
        var connector = ConnectorCatalog.Find(Connector)?.Name ?? "API";
        if (Mode == SourceMode.Template)
        {
            return TemplateId is not null && templates.Find(TemplateId) is { } template ? $"{connector} {template.Name}" : null;
        }

        if (Blank(Url) is not { } url)
        {
            return null;
        }

        var name = $"{connector} {Method} {url.Split('?')[0]}";
        return name.Length <= 100 ? name : name[..100];
    }

    /// <summary>The method the call uses when it writes to the API (anything but GET), else null.</summary>
    public string? WritingMethod(TemplateCatalog templates)
    {
        var method = Mode == SourceMode.Manual ? Method : TemplateId is null ? null : templates.Find(TemplateId)?.Method;
        return SourceWrites.Writing(method);
    }

    /// <summary>The <c>{cursor}</c> macro's entry in the macro list, when a Cursor Field is set.</summary>
    public CursorMacroSource? CursorMacro() =>
        Blank(CursorField) is { } field ? new CursorMacroSource(field, Cursor ?? Blank(CursorStart)) : null;

    /// <summary>The date/time macro settings the macro list shows values for; unknown values fall back to the defaults.</summary>
    public DateMacroSettings MacroSettings() =>
        new(MacroDateFormats.IsKnown(DateFormat) ? DateFormat : MacroDateFormats.Default,
            MacroTimeUnits.TryParse(TimeUnit, out var unit) ? unit : MacroTimeUnits.Default);

    /// <summary>Everything the user can change, as text: two equal fingerprints mean nothing was changed in between.</summary>
    public string Fingerprint() => JsonSerializer.Serialize(this, FingerprintJson);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
