using System.Globalization;
using FlowStudio.Engine;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Macros;
using FlowStudio.Engine.Templates;
using FlowStudio.Web.Features.Connectors;

namespace FlowStudio.Web.Features.Sources;

/// <summary>
/// The source configuration form as the browser posts it. Only the active tab's fieldset is posted (the other is
/// disabled), so <see cref="Mode"/> says which of Template and Advanced the user is using.
/// </summary>
public sealed record SourceForm
{
    public const string TemplateMode = "template";
    public const string ManualMode = "manual";
    private const string ParameterPrefix = "Parameters[";

    /// <summary>Set when the form edits a saved source (Save posts to <c>/sources/{id}/update</c>); null on the create screen.</summary>
    public string? SourceId { get; init; }

    public string? Connector { get; init; }

    public string? CredentialId { get; init; }

    public string Mode { get; init; } = TemplateMode;

    public string? Name { get; init; }

    public string? TemplateId { get; init; }

    public IReadOnlyDictionary<string, string?> Parameters { get; init; } = new Dictionary<string, string?>();

    public string Method { get; init; } = "GET";

    public string? Url { get; init; }

    public string DateFormat { get; init; } = MacroDateFormats.Default;

    public string TimeUnit { get; init; } = "day";

    public string? LookupId { get; init; }

    public string? DataPath { get; init; }

    public string? MetadataPath { get; init; }

    public string? Headers { get; init; }

    public string? Body { get; init; }

    /// <summary>Cursor Field: the record field an incremental source remembers the largest value of (Advanced tab).</summary>
    public string? CursorField { get; init; }

    /// <summary>Initial Cursor Value: what <c>{cursor}</c> is before the first run.</summary>
    public string? CursorStart { get; init; }

    /// <summary>The saved source's cursor (edit screen), shown as <c>{cursor}</c>'s value in the macro list.</summary>
    public string? Cursor { get; init; }

    public PaginationForm Pagination { get; init; } = new();

    public ScheduleForm Schedule { get; init; } = new();

    public bool IsManual => Mode == ManualMode;

    internal static SourceForm Read(IFormCollection form)
    {
        string? Get(string key) => form.TryGetValue(key, out var value) ? value.ToString() : null;
        var parameters = form.Keys
            .Where(k => k.StartsWith(ParameterPrefix, StringComparison.Ordinal) && k.EndsWith(']'))
            .ToDictionary(k => k[ParameterPrefix.Length..^1], k => (string?)form[k].ToString(), StringComparer.Ordinal);
        return new SourceForm
        {
            SourceId = Blank(Get("SourceId")),
            Connector = Get("Connector"),
            CredentialId = Get("CredentialId"),
            Mode = Get("Mode") == ManualMode ? ManualMode : TemplateMode,
            Name = Get("Name"),
            TemplateId = Blank(Get("TemplateId")),
            Parameters = parameters,
            Method = (Blank(Get("Method")) ?? "GET").ToUpperInvariant(),
            Url = Get("Url"),
            DateFormat = Blank(Get("DateFormat")) ?? MacroDateFormats.Default,
            TimeUnit = Blank(Get("TimeUnit")) ?? "day",
            LookupId = Blank(Get("LookupId")),
            DataPath = Get("DataPath"),
            MetadataPath = Get("MetadataPath"),
            Headers = Get("Headers"),
            Body = Get("Body"),
            CursorField = Get("CursorField"),
            CursorStart = Get("CursorStart"),
            Cursor = Blank(Get("Cursor")),
            Pagination = PaginationForm.Read(Get),
            Schedule = ScheduleForm.Read(Get),
        };
    }

    /// <summary>The form prefilled with a saved source, as the edit screen shows it.</summary>
    internal static SourceForm From(SourceView source)
    {
        var manual = source.Manual;
        var pagination = manual?.Pagination;
        var schedule = source.Schedule;
        return new SourceForm
        {
            SourceId = source.Id,
            Connector = source.Connector,
            CredentialId = source.CredentialId,
            Mode = manual is null ? TemplateMode : ManualMode,
            Name = source.Name,
            TemplateId = source.TemplateId,
            Parameters = source.Parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            Method = (Blank(manual?.Method) ?? "GET").ToUpperInvariant(),
            Url = manual?.Url,
            DateFormat = Blank(manual?.DateFormat) ?? MacroDateFormats.Default,
            TimeUnit = Blank(manual?.TimeUnit) ?? "day",
            LookupId = manual?.LookupIds?.FirstOrDefault(),
            DataPath = manual?.DataPath,
            MetadataPath = manual?.MetadataPath,
            Headers = manual?.Headers is { Count: > 0 } headers ? string.Join(",", headers.Select(h => $"{h.Key}:{h.Value}")) : null,
            Body = manual?.Body,
            CursorField = source.CursorField,
            CursorStart = manual?.CursorStart,
            Cursor = source.Cursor,
            Pagination = pagination is null ? new PaginationForm() : new PaginationForm
            {
                Type = pagination.Type,
                PageParam = pagination.PageParam,
                SizeParam = pagination.SizeParam,
                Size = pagination.Size?.ToString(CultureInfo.InvariantCulture),
                StartPage = pagination.Type == PaginationTypes.PageSize ? pagination.StartPage.ToString(CultureInfo.InvariantCulture) : null,
                LastPath = pagination.LastPath,
                NextPath = pagination.NextPath,
                OffsetParam = pagination.OffsetParam,
                CursorPath = pagination.CursorPath,
                CursorParam = pagination.CursorParam,
            },
            Schedule = schedule is null ? new ScheduleForm() : new ScheduleForm
            {
                Kind = schedule.Kind,
                Every = schedule.Every.ToString(CultureInfo.InvariantCulture),
                Unit = ScheduleForm.Units.Contains(schedule.Unit) ? schedule.Unit : "hours",
                Cron = schedule.Cron,
                TimeZone = schedule.TimeZone,
            },
        };
    }

    /// <summary>The <c>{cursor}</c> macro's entry in the macro list, when a Cursor Field is set.</summary>
    public CursorMacroSource? CursorMacro() =>
        Blank(CursorField) is { } field ? new CursorMacroSource(field, Cursor ?? Blank(CursorStart)) : null;

    /// <summary>The date/time macro settings the macro list shows values for; unknown values fall back to the defaults.</summary>
    public DateMacroSettings MacroSettings() =>
        new(MacroDateFormats.IsKnown(DateFormat) ? DateFormat : MacroDateFormats.Default,
            MacroTimeUnits.TryParse(TimeUnit, out var unit) ? unit : MacroTimeUnits.Default);

    /// <summary>
    /// The request for <see cref="SourceService"/> and <see cref="SourceTester"/>, plus the problems only the form can
    /// have (headers text, pagination numbers). A blank name becomes <paramref name="defaultName"/>.
    /// </summary>
    internal (CreateSourceRequest Request, IReadOnlyList<FieldError> Errors) ToRequest(string? defaultName)
    {
        var errors = new List<FieldError>();
        var name = string.IsNullOrWhiteSpace(Name) ? defaultName : Name.Trim();
        var schedule = Schedule.ToSchedule(errors);
        if (!IsManual)
        {
            var parameters = Parameters.ToDictionary(p => p.Key, p => string.IsNullOrWhiteSpace(p.Value) ? null : p.Value);
            return (new CreateSourceRequest(name, CredentialId, TemplateId, parameters, null, Schedule: schedule), errors);
        }

        var headers = RequestHeaderParser.Parse(Headers);
        errors.AddRange(headers.Problems.Select(p => new FieldError("headers", p)));
        var pagination = Pagination.ToSpec(errors);
        var manual = new ManualSourceRequest(
            Method,
            Url?.Trim(),
            headers.Headers.ToDictionary(h => h.Key, h => h.Value),
            Method is "POST" or "PUT" or "PATCH" ? Blank(Body) : null,
            Blank(DataPath),
            Blank(MetadataPath),
            DateFormat,
            TimeUnit,
            LookupId is null ? null : [LookupId],
            pagination,
            null,
            Blank(CursorField),
            Blank(CursorStart));
        return (new CreateSourceRequest(name, CredentialId, null, null, manual, Schedule: schedule), errors);
    }

    /// <summary>The name used when the user leaves Name empty: the connector and the endpoint, e.g. "ClientSuccess Search Pulses".</summary>
    internal string? DefaultName(TemplateCatalog templates)
    {
        var connector = ConnectorCatalog.Find(Connector)?.Name ?? "API";
        if (!IsManual)
        {
            return TemplateId is not null && templates.Find(TemplateId) is { } template ? $"{connector} {template.Name}" : null;
        }

        if (Blank(Url) is not { } url)
        {
            return null;
        }

        var path = url.Split('?')[0];
        var name = $"{connector} {Method} {path}";
        return name.Length <= 100 ? name : name[..100];
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
