using System.Text.Json;
using FlowStudio.Engine;
using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Sources;
using FlowStudio.Engine.Templates;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Destinations;

/// <summary>Checks a destination request field by field and turns it into the engine's <see cref="DestinationConfig"/>.</summary>
internal sealed class DestinationPlanner(
    FlowStudioDb db, TemplateCatalog templates, CredentialService credentials, ConnectionFactory connections, DestinationValidator validator, MappingValidator mappings)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(DestinationPlan? Plan, IReadOnlyList<FieldError> Errors)> PlanAsync(CreateDestinationRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.DatasetId) || !await db.Datasets.AnyAsync(d => d.Id == request.DatasetId, cancellationToken))
        {
            errors.Add(new("datasetId", string.IsNullOrWhiteSpace(request.DatasetId) ? "Choose the dataset to send." : $"Dataset '{request.DatasetId}' does not exist."));
        }

        var credential = string.IsNullOrWhiteSpace(request.CredentialId) ? null : await credentials.GetAsync(request.CredentialId, cancellationToken);
        if (credential is null)
        {
            errors.Add(new("credentialId", string.IsNullOrWhiteSpace(request.CredentialId)
                ? "Choose the credential that connects to the API."
                : $"Credential '{request.CredentialId}' does not exist."));
        }

        var schema = await SchemaAsync(request.DatasetId, cancellationToken);
        IReadOnlyCollection<string>? attributes = request.Mapping is { Count: > 0 } && schema.Count > 0 ? [.. schema.Select(c => c.Name)] : null;
        var config = Configure(request, credential, attributes, errors);
        if (config is not null)
        {
            config = config with
            {
                ExcludeAttributes = [.. config.ExcludeAttributes, .. request.ExcludeAttributes ?? []],
                ResponseWebhook = config.ResponseWebhook || request.ResponseWebhook == true,
            };
            errors.AddRange(validator.Validate(config).Select(e => e.Field == "url" && string.IsNullOrWhiteSpace(config.Url)
                ? new FieldError("url", DestinationUrlExamples.Required(credential?.Connector))
                : e));
        }

        if (config is { ContentFormat: ContentFormats.Form } && request.DatasetId is not null)
        {
            errors.AddRange(NestedFields(schema, config));
        }

        if (errors.Count > 0 || config is null || credential is null)
        {
            return (null, errors);
        }

        var connection = await connections.CreateAsync(credential.Id, cancellationToken);
        if (CredentialOrigins.Check(connection!, config.Url) is { } elsewhere)
        {
            return (null, [elsewhere]);
        }

        return (new DestinationPlan(config, connection!, request.DatasetId!), []);
    }

    /// <summary>The dataset's object and array fields a form-encoded body would carry: form encoding sends flat records only.</summary>
    private static IEnumerable<FieldError> NestedFields(IReadOnlyList<SchemaColumn> schema, DestinationConfig config) =>
        schema
            .Where(c => c.Type is SchemaTypes.Object or SchemaTypes.Array && !c.Name.Contains('.', StringComparison.Ordinal) && !config.ExcludeAttributes.Contains(c.Name))
            .Select(c => new FieldError("contentFormat", ContentFormats.FlatFieldsOnly(c.Name, c.Type == SchemaTypes.Array)))
            .Take(1);

    private DestinationConfig? Configure(CreateDestinationRequest request, CredentialView? credential, IReadOnlyCollection<string>? attributes, List<FieldError> errors)
    {
        var modes = (request.TemplateId is null ? 0 : 1) + (request.Manual is null ? 0 : 1) + (request.Sync is null ? 0 : 1);
        if (modes != 1)
        {
            errors.Add(new("templateId", "Choose an Endpoint template, configure the destination manually (Advanced), or set up a ClientSuccess sync — one of them."));
            return null;
        }

        if (request.TemplateId is not null)
        {
            var template = templates.Find(request.TemplateId);
            if (template is null || template.Direction != TemplateDirections.Destination)
            {
                errors.Add(new("templateId", $"'{request.TemplateId}' is not a destination endpoint template."));
                return null;
            }

            if (credential is not null && !string.Equals(credential.Connector, template.Connector, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new("credentialId", $"The {template.Name} endpoint needs a {ConnectorCatalog.Find(template.Connector)?.Name ?? template.Connector} credential; '{credential.Name}' is {credential.ConnectorName}."));
                return null;
            }

            foreach (var missing in template.MissingRequired(request.Parameters ?? []))
            {
                errors.Add(new($"parameters.{missing.Name}", $"{missing.Label} is required."));
            }

            var mapping = (request.Mapping ?? []).Select(ToMapping).ToList();
            errors.AddRange(mappings.Validate(mapping, template, attributes));
            return errors.Count > 0 ? null : DestinationConfig.FromTemplate(template, request.Parameters ?? []) with { Shape = RecordShape.Mapped(mapping) };
        }

        if (request.Mapping is { Count: > 0 })
        {
            errors.Add(new("mapping", "Mapping applies to Endpoint templates; a ClientSuccess sync maps fields in its Field Mapping, and Advanced sends records as they are."));
            return null;
        }

        return request.Sync is { } sync ? FromSync(sync, credential, errors) : FromManual(request.Manual!, errors);
    }

    private static FieldMapping ToMapping(MappingRequest row)
    {
        var from = string.IsNullOrWhiteSpace(row.From) ? MappingSources.Attribute : row.From.Trim();
        var value = from == MappingSources.Constant ? row.Value ?? "" : row.Value?.Trim() ?? "";
        return new FieldMapping(row.Field?.Trim() ?? "", from, value, string.IsNullOrWhiteSpace(row.Convert) ? null : row.Convert.Trim(),
            string.IsNullOrEmpty(row.Default) ? null : row.Default);
    }

    /// <summary>The dataset's detected attributes; null while it has none detected (no records yet), so any name is accepted.</summary>
    /// <summary>The dataset's schema columns; empty when it has none yet (or does not exist).</summary>
    private async Task<IReadOnlyList<SchemaColumn>> SchemaAsync(string? datasetId, CancellationToken cancellationToken)
    {
        var schema = datasetId is null ? null
            : await db.Datasets.AsNoTracking().Where(d => d.Id == datasetId).Select(d => d.SchemaJson).FirstOrDefaultAsync(cancellationToken);
        return schema is null ? [] : JsonSerializer.Deserialize<List<SchemaColumn>>(schema, Json) ?? [];
    }

    private static DestinationConfig? FromSync(SyncRequest sync, CredentialView? credential, List<FieldError> errors)
    {
        if (credential is not null && credential.Connector != "clientsuccess")
        {
            errors.Add(new("credentialId", "A ClientSuccess sync needs a ClientSuccess credential."));
        }

        if (!Enum.TryParse<ClientSuccessObject>(sync.ObjectType, ignoreCase: true, out var objectType) || !Enum.IsDefined(objectType) || sync.ObjectType!.Trim().All(char.IsAsciiDigit))
        {
            errors.Add(new("sync.objectType", "Choose the Object Type: Client, Contact or Contract."));
        }

        if (!Enum.TryParse<SyncMode>(sync.Mode, ignoreCase: true, out var mode) || !Enum.IsDefined(mode) || sync.Mode!.Trim().All(char.IsAsciiDigit))
        {
            errors.Add(new("sync.mode", "Choose the Sync Mode: Insert, Update or Upsert."));
        }

        foreach (var (attribute, field) in sync.FieldMapping ?? [])
        {
            if (string.IsNullOrWhiteSpace(attribute) || string.IsNullOrWhiteSpace(field))
            {
                errors.Add(new($"sync.fieldMapping.{attribute}", $"Map the attribute '{attribute}' to a ClientSuccess field, or remove the row."));
            }
        }

        return errors.Count > 0 ? null : new ClientSuccessSync(objectType, mode, sync.FieldMapping).ToDestinationConfig();
    }

    private static DestinationConfig? FromManual(ManualDestinationRequest manual, List<FieldError> errors)
    {
        var method = (manual.Method ?? "POST").Trim().ToUpperInvariant();
        if (!DestinationMethods.All.Contains(method))
        {
            errors.Add(new("method", $"'{manual.Method}' is not a method; use POST, PUT, PATCH or DELETE."));
        }

        var format = ContentFormats.Find(manual.ContentFormat ?? ContentFormats.Json);
        if (format is null)
        {
            errors.Add(new("contentFormat", $"'{manual.ContentFormat}' is not a content format FlowStudio can send; use one of {string.Join(", ", ContentFormats.All)}."));
        }

        var headers = manual.Headers ?? [];
        foreach (var problem in RequestHeaderParser.Check(headers))
        {
            errors.Add(new("headers", problem));
        }

        var batching = manual.Batching is { } b
            ? new BatchingOptions
            {
                Enabled = b.Enabled,
                BatchSize = b.BatchSize ?? 100,
                Algorithm = string.IsNullOrWhiteSpace(b.Algorithm) ? GroupingAlgorithms.Property : b.Algorithm.Trim(),
                PropertyName = string.IsNullOrWhiteSpace(b.PropertyName) ? null : b.PropertyName.Trim(),
                OtherProps = OtherProps(b.OtherProps, errors),
                Code = b.Code,
            }
            : BatchingOptions.Off;

        return new DestinationConfig
        {
            Method = method,
            ContentFormat = format ?? ContentFormats.Json,
            Url = manual.Url?.Trim() ?? "",
            Headers = headers,
            ExcludeAttributes = manual.ExcludeAttributes ?? [],
            Batching = batching,
            ResponseWebhook = manual.ResponseWebhook == true,
        };
    }

    private static string? OtherProps(JsonElement? element, List<FieldError> errors)
    {
        if (element is not { } value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            JsonText.Check(text);
            return text;
        }
        catch (InvalidJsonException ex)
        {
            errors.Add(new("batching.otherProps", JsonProblems.Describe("Other Props", ex, """e.g. {"sourceEntity": "account"}""")));
            return null;
        }
    }
}
