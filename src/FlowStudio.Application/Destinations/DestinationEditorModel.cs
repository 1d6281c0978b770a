using System.Text.Json;
using FlowStudio.Engine;
using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Templates;

namespace FlowStudio.Application.Destinations;

/// <summary>
/// What the destination editor binds to: one model of the configuration, read from and written to the API's
/// <see cref="CreateDestinationRequest"/> (the editor's Save and <c>PUT /api/destinations/{id}</c> send the same
/// request to the same service). Only what a user types differently from the request lives here: request headers as
/// text, Other Props as JSON text, and field mappings kept across Object Type switches.
/// </summary>
public sealed class DestinationEditorModel
{
    public const string DefaultCode = "function group(records) {\n  return records;\n}";
    public const int DefaultBatchSize = 100;

    public string? Name { get; set; }

    public string? DatasetId { get; set; }

    public string? CredentialId { get; set; }

    public DestinationMode Mode { get; set; } = DestinationMode.Template;

    public string? TemplateId { get; set; }

    /// <summary>Template parameter values by parameter name, as typed or chosen.</summary>
    public Dictionary<string, string?> Parameters { get; set; } = new(StringComparer.Ordinal);

    public string Method { get; set; } = "POST";

    public string ContentFormat { get; set; } = "json";

    public string? Url { get; set; }

    /// <summary>"Request Headers" as typed: <c>header1:value1,header2:value2</c>.</summary>
    public string? Headers { get; set; }

    /// <summary>"Exclude Attributes": left out of every request, whichever way the destination is configured.</summary>
    public List<string> ExcludeAttributes { get; set; } = [];

    public bool BatchingEnabled { get; set; }

    public int? BatchSize { get; set; } = DefaultBatchSize;

    public string Algorithm { get; set; } = GroupingAlgorithms.Property;

    public string? PropertyName { get; set; }

    /// <summary>"Other Props" as typed: a JSON object.</summary>
    public string? OtherProps { get; set; }

    public string Code { get; set; } = DefaultCode;

    /// <summary>Whether each API response becomes a record of a webhook source.</summary>
    public bool ResponseWebhook { get; set; }

    public ClientSuccessObject SyncObjectType { get; set; } = ClientSuccessObject.Client;

    public SyncMode SyncMode { get; set; } = SyncMode.Upsert;

    /// <summary>
    /// Destination field → dataset field, for every Object Type the user has seen, so switching keeps what still
    /// applies; "" marks a field the user chose to leave unmapped (automatic mapping leaves it alone).
    /// </summary>
    public Dictionary<string, string> FieldMapping { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The template's Mapping: endpoint field → how it is filled. A row that is not mapped is kept, so a field the
    /// user chose to leave unmapped is not proposed again.
    /// </summary>
    public Dictionary<string, MappingRow> Mapping { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The mapped fields in the order <see cref="ToRequest"/> sends them (row n of the request's mapping).</summary>
    public IReadOnlyList<string> MappedFields => [.. Mapping.Where(m => m.Value.IsMapped).Select(m => m.Key)];

    public static DestinationEditorModel FromRequest(CreateDestinationRequest request)
    {
        var manual = request.Manual;
        var batching = manual?.Batching;
        return new DestinationEditorModel
        {
            Name = request.Name,
            DatasetId = request.DatasetId,
            CredentialId = request.CredentialId,
            Mode = request.TemplateId is not null ? DestinationMode.Template : request.Sync is not null ? DestinationMode.Sync : manual is not null ? DestinationMode.Advanced : DestinationMode.Template,
            TemplateId = request.TemplateId,
            Parameters = new(request.Parameters ?? [], StringComparer.Ordinal),
            Method = manual?.Method?.ToUpperInvariant() ?? "POST",
            ContentFormat = manual?.ContentFormat ?? "json",
            Url = manual?.Url,
            Headers = manual?.Headers is { Count: > 0 } headers ? RequestHeaderParser.Format(headers) : null,
            ExcludeAttributes = [.. (manual?.ExcludeAttributes ?? []).Concat(request.ExcludeAttributes ?? []).Distinct(StringComparer.Ordinal)],
            BatchingEnabled = batching?.Enabled == true,
            BatchSize = batching?.BatchSize ?? DefaultBatchSize,
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
            SyncObjectType = Enum.TryParse<ClientSuccessObject>(request.Sync?.ObjectType, ignoreCase: true, out var type) ? type : ClientSuccessObject.Client,
            SyncMode = Enum.TryParse<SyncMode>(request.Sync?.Mode, ignoreCase: true, out var mode) ? mode : SyncMode.Upsert,
            // The request maps dataset field → destination field; the editor keys by destination field.
            FieldMapping = (request.Sync?.FieldMapping ?? []).GroupBy(m => m.Value, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal),
            Mapping = (request.Mapping ?? []).Where(m => !string.IsNullOrWhiteSpace(m.Field)).GroupBy(m => m.Field!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => MappingRow.FromRequest(g.First()), StringComparer.Ordinal),
        };
    }

    /// <summary>The request for the settings shown now, and the problems only the editor can have (header text, a field mapped twice).</summary>
    public (CreateDestinationRequest Request, IReadOnlyList<FieldError> Errors) ToRequest()
    {
        var errors = new List<FieldError>();
        var name = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim();
        List<string>? excluded = ExcludeAttributes.Count > 0 ? [.. ExcludeAttributes] : null;
        switch (Mode)
        {
            case DestinationMode.Template:
                var parameters = Parameters.ToDictionary(p => p.Key, p => string.IsNullOrWhiteSpace(p.Value) ? null : p.Value.Trim(), StringComparer.Ordinal);
                List<MappingRequest> mapping = [.. MappedFields.Select(field => Mapping[field].ToRequest(field))];
                return (new CreateDestinationRequest(name, DatasetId, CredentialId, TemplateId, parameters, null, null, excluded, ResponseWebhook ? true : null,
                    mapping.Count > 0 ? mapping : null), errors);
            case DestinationMode.Sync:
                var sync = new SyncRequest(SyncObjectType.ToString(), SyncMode.ToString(), SyncMapping(errors));
                return (new CreateDestinationRequest(name, DatasetId, CredentialId, null, null, null, sync, excluded, ResponseWebhook ? true : null), errors);
            default:
                var headers = RequestHeaderParser.Parse(Headers);
                errors.AddRange(headers.Problems.Select(p => new FieldError("headers", p)));
                var manual = new ManualDestinationRequest(
                    Method, ContentFormat, Url?.Trim(), headers.Headers.ToDictionary(h => h.Key, h => h.Value), excluded ?? [], Batching(errors), ResponseWebhook);
                return (new CreateDestinationRequest(name, DatasetId, CredentialId, null, null, manual), errors);
        }
    }

    /// <summary>
    /// Maps every field of the current Object Type that is not mapped yet (and not left unmapped on purpose) to the
    /// dataset attribute of the same name (case-insensitive). True when something was mapped.
    /// </summary>
    public bool MapSameNames(IEnumerable<string> attributes)
    {
        var byName = attributes.GroupBy(a => a, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var mapped = false;
        foreach (var field in ClientSuccessFields.For(SyncObjectType))
        {
            if (!FieldMapping.ContainsKey(field.Name) && byName.TryGetValue(field.Name, out var attribute))
            {
                FieldMapping[field.Name] = attribute;
                mapped = true;
            }
        }

        return mapped;
    }

    /// <summary>
    /// Keeps only the rows of <paramref name="template"/>'s fields and proposes, for each field without a row, the
    /// dataset attribute of the same name (case-insensitive) with the conversion its type calls for.
    /// </summary>
    public void ProposeMapping(EndpointTemplate? template, IEnumerable<SchemaColumn> attributes)
    {
        var fields = template?.Fields ?? [];
        Mapping = Mapping.Where(m => fields.Any(f => f.Name == m.Key)).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        foreach (var proposal in MappingProposals.SameNames(fields.Where(f => !Mapping.ContainsKey(f.Name)), attributes.Select(a => (a.Name, a.Type))))
        {
            Mapping[proposal.Field] = new MappingRow { From = proposal.From, Value = proposal.Value, Convert = proposal.Convert };
        }
    }

    private BatchingRequest? Batching(List<FieldError> errors)
    {
        if (!BatchingEnabled)
        {
            return null;
        }

        if (BatchSize is null)
        {
            errors.Add(new FieldError("batching.batchSize", $"Batch Size is required: the most records in one call, e.g. {DefaultBatchSize}."));
        }

        var isProperty = Algorithm == GroupingAlgorithms.Property;
        JsonElement? otherProps = isProperty && !string.IsNullOrWhiteSpace(OtherProps) ? JsonSerializer.SerializeToElement(OtherProps.Trim()) : null;
        return new BatchingRequest(true, BatchSize, Algorithm, isProperty ? PropertyName?.Trim() : null, otherProps,
            Algorithm == GroupingAlgorithms.Code ? Code : null);
    }

    private Dictionary<string, string>? SyncMapping(List<FieldError> errors)
    {
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in ClientSuccessFields.For(SyncObjectType))
        {
            if (FieldMapping.GetValueOrDefault(field.Name) is not { Length: > 0 } datasetField)
            {
                continue;
            }

            if (!mapping.TryAdd(datasetField, field.Name))
            {
                errors.Add(new FieldError("sync.fieldMapping",
                    $"The dataset field {datasetField} is mapped to both {mapping[datasetField]} and {field.Name}: map each dataset field once."));
            }
        }

        return mapping.Count == 0 ? null : mapping;
    }
}

/// <summary>How a destination is configured: an endpoint template, by hand (Advanced), or as a ClientSuccess sync.</summary>
public enum DestinationMode
{
    Template,
    Advanced,
    Sync,
}
