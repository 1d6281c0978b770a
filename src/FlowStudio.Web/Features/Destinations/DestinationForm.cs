using System.Globalization;
using System.Text.Json;
using FlowStudio.Engine;
using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Templates;
using FlowStudio.Web.Features.Connectors;

namespace FlowStudio.Web.Features.Destinations;

/// <summary>
/// The destination configuration form as the browser posts it. Only the active tab's fieldset is posted (the others
/// are disabled), so <see cref="Mode"/> says which of Template, Advanced and Sync the user is using.
/// </summary>
public sealed record DestinationForm
{
    public const string TemplateMode = "template";
    public const string ManualMode = "manual";
    public const string ClientSuccessSync = "sync";
    public const string DefaultCode = "function group(records) {\n  return records;\n}";
    private const string ParameterPrefix = "Parameters[";
    private const string MappingPrefix = "Mapping[";

    public string? DatasetId { get; init; }

    public string? Connector { get; init; }

    public string? CredentialId { get; init; }

    public string Mode { get; init; } = TemplateMode;

    public string? Name { get; init; }

    public string? TemplateId { get; init; }

    public IReadOnlyDictionary<string, string?> Parameters { get; init; } = new Dictionary<string, string?>();

    public string Method { get; init; } = "POST";

    public string ContentFormat { get; init; } = "json";

    public string? Url { get; init; }

    public string? Headers { get; init; }

    public IReadOnlyList<string> ExcludeAttributes { get; init; } = [];

    public bool BatchingEnabled { get; init; }

    /// <summary>As typed, so a bad value is shown back beside its error.</summary>
    public string BatchSize { get; init; } = "100";

    public string Algorithm { get; init; } = GroupingAlgorithms.Property;

    public string? PropertyName { get; init; }

    public string? OtherProps { get; init; }

    public string Code { get; init; } = DefaultCode;

    public bool ResponseWebhook { get; init; }

    public string SyncObjectType { get; init; } = nameof(ClientSuccessObject.Client);

    public string SyncMode { get; init; } = nameof(global::FlowStudio.Engine.Destinations.SyncMode.Upsert);

    /// <summary>Destination field → the dataset field mapped to it.</summary>
    public IReadOnlyDictionary<string, string> FieldMapping { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether the Sample Payload panel is in test mode (editable payloads with Send Test Data).</summary>
    public bool TestMode { get; init; }

    public bool IsManual => Mode == ManualMode;

    public bool IsSync => Mode == ClientSuccessSync;

    public bool IsTemplate => Mode == TemplateMode;

    public ClientSuccessObject ObjectType =>
        Enum.TryParse<ClientSuccessObject>(SyncObjectType, ignoreCase: true, out var type) ? type : ClientSuccessObject.Client;

    internal static DestinationForm Read(IFormCollection form)
    {
        string? Get(string key) => form.TryGetValue(key, out var value) ? value.ToString() : null;
        var mode = Get("Mode");
        return new DestinationForm
        {
            DatasetId = Blank(Get("DatasetId")),
            Connector = Blank(Get("Connector")),
            CredentialId = Blank(Get("CredentialId")),
            Mode = mode is ManualMode or ClientSuccessSync ? mode : TemplateMode,
            Name = Get("Name"),
            TemplateId = Blank(Get("TemplateId")),
            Parameters = Prefixed(form, ParameterPrefix).ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal),
            Method = (Blank(Get("Method")) ?? "POST").ToUpperInvariant(),
            ContentFormat = Blank(Get("ContentFormat")) ?? "json",
            Url = Get("Url"),
            Headers = Get("Headers"),
            ExcludeAttributes = form.TryGetValue("ExcludeAttributes", out var excluded)
                ? excluded.OfType<string>().Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList()
                : [],
            BatchingEnabled = IsOn(Get("Batching.Enabled")),
            BatchSize = Get("Batching.BatchSize") ?? "100",
            Algorithm = Blank(Get("Batching.Algorithm")) ?? GroupingAlgorithms.Property,
            PropertyName = Get("Batching.PropertyName"),
            OtherProps = Get("Batching.OtherProps"),
            Code = Get("Batching.Code") ?? DefaultCode,
            ResponseWebhook = IsOn(Get("ResponseWebhook")),
            SyncObjectType = Blank(Get("Sync.ObjectType")) ?? nameof(ClientSuccessObject.Client),
            SyncMode = Blank(Get("Sync.Mode")) ?? nameof(global::FlowStudio.Engine.Destinations.SyncMode.Upsert),
            FieldMapping = Prefixed(form, MappingPrefix).Where(p => p.Value.Length > 0).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            TestMode = Get("PanelMode") == "test",
        };
    }

    /// <summary>The form prefilled from a saved destination's request (Edit): the tab it uses and its values as the user would type them.</summary>
    internal static DestinationForm FromRequest(CreateDestinationRequest request, string? connector)
    {
        var manual = request.Manual;
        var batching = manual?.Batching;
        var mode = request.TemplateId is not null ? TemplateMode : request.Sync is not null ? ClientSuccessSync : ManualMode;
        return new DestinationForm
        {
            DatasetId = request.DatasetId,
            Connector = connector,
            CredentialId = request.CredentialId,
            Mode = mode,
            Name = request.Name,
            TemplateId = request.TemplateId,
            Parameters = request.Parameters ?? new Dictionary<string, string?>(),
            Method = manual?.Method?.ToUpperInvariant() ?? "POST",
            ContentFormat = manual?.ContentFormat ?? "json",
            Url = manual?.Url,
            Headers = manual?.Headers is { Count: > 0 } headers ? string.Join(",", headers.Select(h => $"{h.Key}:{h.Value}")) : null,
            ExcludeAttributes = (manual?.ExcludeAttributes ?? []).Concat(request.ExcludeAttributes ?? []).Distinct(StringComparer.Ordinal).ToList(),
            BatchingEnabled = batching?.Enabled == true,
            BatchSize = (batching?.BatchSize ?? 100).ToString(CultureInfo.InvariantCulture),
            Algorithm = batching?.Algorithm ?? GroupingAlgorithms.Property,
            PropertyName = batching?.PropertyName,
            OtherProps = batching?.OtherProps switch
            {
                { ValueKind: JsonValueKind.String } text => text.GetString(),
                { ValueKind: JsonValueKind.Object } props => props.GetRawText(),
                _ => null,
            },
            Code = batching?.Code ?? DefaultCode,
            ResponseWebhook = manual?.ResponseWebhook == true || request.ResponseWebhook == true,
            SyncObjectType = request.Sync?.ObjectType ?? nameof(ClientSuccessObject.Client),
            SyncMode = request.Sync?.Mode ?? nameof(global::FlowStudio.Engine.Destinations.SyncMode.Upsert),
            // The request maps dataset field → destination field; the form keys by destination field.
            FieldMapping = (request.Sync?.FieldMapping ?? []).GroupBy(m => m.Value, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// The request for <see cref="DestinationService"/> and <see cref="SamplePayloads"/>, plus the problems only the form
    /// can have (header text, batch size text, a dataset field mapped twice). A blank name becomes <paramref name="defaultName"/>.
    /// </summary>
    internal (CreateDestinationRequest Request, IReadOnlyList<FieldError> Errors) ToRequest(string? defaultName)
    {
        var errors = new List<FieldError>();
        var name = string.IsNullOrWhiteSpace(Name) ? defaultName : Name.Trim();
        if (IsTemplate)
        {
            var parameters = Parameters.ToDictionary(p => p.Key, p => string.IsNullOrWhiteSpace(p.Value) ? null : p.Value.Trim());
            return (new CreateDestinationRequest(name, DatasetId, CredentialId, TemplateId, parameters, null), errors);
        }

        if (IsSync)
        {
            return (new CreateDestinationRequest(name, DatasetId, CredentialId, null, null, null, new SyncRequest(SyncObjectType, SyncMode, Mapping(errors))), errors);
        }

        var headers = RequestHeaderParser.Parse(Headers);
        errors.AddRange(headers.Problems.Select(p => new FieldError("headers", p)));
        var manual = new ManualDestinationRequest(
            Method, ContentFormat, Url?.Trim(), headers.Headers.ToDictionary(h => h.Key, h => h.Value), [.. ExcludeAttributes], Batching(errors), ResponseWebhook);
        return (new CreateDestinationRequest(name, DatasetId, CredentialId, null, null, manual), errors);
    }

    /// <summary>The name used when Name is left empty: the connector and the endpoint, e.g. "Clari Ingest Bulk Entities".</summary>
    internal string? DefaultName(TemplateCatalog templates)
    {
        var connector = ConnectorCatalog.Find(Connector)?.Name ?? "API";
        if (IsTemplate)
        {
            return TemplateId is not null && templates.Find(TemplateId) is { } template ? $"{connector} {template.Name}" : null;
        }

        if (IsSync)
        {
            return $"{connector} {SyncMode} {SyncObjectType}s";
        }

        if (Blank(Url) is not { } url)
        {
            return null;
        }

        var name = $"{connector} {Method} {url.Split('?')[0]}";
        return name.Length <= 100 ? name : name[..100];
    }

    private BatchingRequest? Batching(List<FieldError> errors)
    {
        if (!BatchingEnabled)
        {
            return null;
        }

        int? size = null;
        if (int.TryParse(BatchSize, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            size = parsed;
        }
        else
        {
            errors.Add(new FieldError("batching.batchSize", "Batch Size must be a whole number, e.g. 100."));
        }

        var isCode = Algorithm == GroupingAlgorithms.Code;
        var isProperty = Algorithm == GroupingAlgorithms.Property;
        JsonElement? otherProps = isProperty && Blank(OtherProps) is { } props ? JsonSerializer.SerializeToElement(props) : null;
        return new BatchingRequest(true, size, Algorithm, isProperty ? Blank(PropertyName) : null, otherProps, isCode ? Code : null);
    }

    private Dictionary<string, string>? Mapping(List<FieldError> errors)
    {
        var destinationFields = ClientSuccessFields.For(ObjectType).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (destinationField, datasetField) in FieldMapping.Where(m => destinationFields.Contains(m.Key)))
        {
            if (!mapping.TryAdd(datasetField, destinationField))
            {
                errors.Add(new FieldError("sync.fieldMapping",
                    $"The dataset field {datasetField} is mapped to both {mapping[datasetField]} and {destinationField}: map each dataset field once."));
            }
        }

        return mapping.Count == 0 ? null : mapping;
    }

    private static IEnumerable<KeyValuePair<string, string>> Prefixed(IFormCollection form, string prefix) =>
        form.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && k.EndsWith(']'))
            .Select(k => new KeyValuePair<string, string>(k[prefix.Length..^1], form[k].ToString()));

    private static bool IsOn(string? value) => value is not null && (value.Contains("true", StringComparison.OrdinalIgnoreCase) || value == "on");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
