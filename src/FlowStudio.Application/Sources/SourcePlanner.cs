using FlowStudio.Engine;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Macros;
using FlowStudio.Engine.Sources;
using FlowStudio.Engine.Templates;

namespace FlowStudio.Application.Sources;

/// <summary>Checks a source request field by field and turns it into a <see cref="SourcePlan"/>.</summary>
internal sealed class SourcePlanner(TemplateCatalog templates, CredentialService credentials, ConnectionFactory connections, LookupService lookups)
{
    public async Task<(SourcePlan? Plan, IReadOnlyList<FieldError> Errors)> PlanAsync(CreateSourceRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var credential = string.IsNullOrWhiteSpace(request.CredentialId) ? null : await credentials.GetAsync(request.CredentialId, cancellationToken);
        if (credential is null)
        {
            errors.Add(new("credentialId", string.IsNullOrWhiteSpace(request.CredentialId)
                ? "Choose the credential that connects to the API."
                : $"Credential '{request.CredentialId}' does not exist."));
        }

        EndpointTemplate? template = null;
        SourceConfig? config = null;
        if ((request.TemplateId is null) == (request.Manual is null))
        {
            errors.Add(new("templateId", "Choose an Endpoint template, or configure the source manually (Advanced) — one of the two."));
        }
        else if (request.TemplateId is not null)
        {
            template = templates.Find(request.TemplateId);
            if (template is null || template.Direction != TemplateDirections.Source)
            {
                errors.Add(new("templateId", $"'{request.TemplateId}' is not a source endpoint template."));
            }
            else if (credential is not null && !string.Equals(credential.Connector, template.Connector, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new("credentialId", $"The {template.Name} endpoint needs a {template.Connector} credential; '{credential.Name}' is {credential.ConnectorName}."));
            }
            else if ((request.Parameters ?? []).Keys.FirstOrDefault(k => template.Parameter(k) is null) is { } unknown)
            {
                errors.Add(new($"parameters.{unknown}", $"The {template.Name} endpoint has no parameter '{unknown}'; it takes {string.Join(", ", template.Parameters.Select(p => p.Name))}."));
            }
            else
            {
                config = Guard(() => SourceConfig.FromTemplate(template, request.Parameters ?? []), errors) is { } built
                    ? built with { CursorField = Blank(request.CursorField) }
                    : null;
            }
        }
        else
        {
            config = FromManual(request.Manual!, Blank(request.CursorField), errors);
        }

        if (config is not null)
        {
            errors.AddRange(SourceValidator.Validate(config).Select(e => PathAdvice.Explain(e, request.Manual)));
        }

        var (lookupRows, lookupKey) = await LookupRowsAsync(request.Manual?.LookupIds, errors, cancellationToken);
        List<MacroReference> lookupMacros = config is null ? [] : MacroExpander.Find(config.Url).Where(m => m.Kind == MacroKind.Lookup).ToList();
        if (errors.Count == 0 && lookupMacros.Count > 0)
        {
            if (lookupRows is null)
            {
                errors.Add(new("url", $"The URL uses the lookup macro {lookupMacros[0].Text}, but the source has no lookup: add one under Add Lookups to Supported Macros, or remove the macro."));
            }
            else if (lookupRows.Count > 0
                     && lookupRows.SelectMany(r => r.Keys).ToHashSet(StringComparer.OrdinalIgnoreCase) is var columns
                     && lookupMacros.FirstOrDefault(m => !columns.Contains(m.Column!)) is { } unknown)
            {
                errors.Add(new("url", $"The lookup macro {unknown.Text} names the column '{unknown.Column}', which the source's lookups do not have; use one of {string.Join(", ", columns.Order(StringComparer.Ordinal))}."));
            }
        }

        if (errors.Count > 0 || credential is null || config is null)
        {
            return (null, errors);
        }

        var connection = await connections.CreateAsync(credential.Id, cancellationToken);
        if (CredentialOrigins.Check(connection!, config.Url) is { } elsewhere)
        {
            return (null, [elsewhere]);
        }

        return (new SourcePlan(config, connection!, template, lookupRows, lookupKey), errors);
    }

    private static SourceConfig? FromManual(ManualSourceRequest manual, string? cursorField, List<FieldError> errors)
    {
        var method = (manual.Method ?? "GET").Trim().ToUpperInvariant();
        if (method is not ("GET" or "POST" or "PUT" or "PATCH" or "DELETE"))
        {
            errors.Add(new("manual.method", $"'{manual.Method}' is not a method; use GET, POST, PUT, PATCH or DELETE."));
        }

        if (string.IsNullOrWhiteSpace(manual.Url))
        {
            errors.Add(new("url", "Set API URL: enter the endpoint's full URL, e.g. https://api.clientsuccess.com/v2/clientNote/search."));
            return null;
        }

        var headers = manual.Headers ?? [];
        foreach (var problem in RequestHeaderParser.Check(headers))
        {
            errors.Add(new("headers", problem));
        }

        return new SourceConfig
        {
            Method = method,
            Url = manual.Url.Trim(),
            Headers = headers,
            Body = string.IsNullOrWhiteSpace(manual.Body) ? null : manual.Body,
            DataPath = Blank(manual.DataPath),
            MetadataPath = Blank(manual.MetadataPath),
            DateFormat = Blank(manual.DateFormat),
            TimeUnit = Blank(manual.TimeUnit),
            Pagination = manual.Pagination ?? PaginationSpec.None,
            Key = Blank(manual.Key),
            CursorField = Blank(manual.CursorField) ?? cursorField,
            // Before the first run {cursor} is the initial value; a run replaces it with the source's stored cursor.
            Cursor = Blank(manual.CursorStart),
        };
    }

    private async Task<(IReadOnlyList<IReadOnlyDictionary<string, string>>? Rows, string? Key)> LookupRowsAsync(
        List<string>? lookupIds, List<FieldError> errors, CancellationToken cancellationToken)
    {
        if (lookupIds is not { Count: > 0 })
        {
            return (null, null);
        }

        var rows = new List<IReadOnlyDictionary<string, string>>();
        string? key = null;
        foreach (var id in lookupIds)
        {
            var lookup = await lookups.FindAsync(id, cancellationToken);
            if (lookup is null)
            {
                errors.Add(new("lookupIds", $"Lookup '{id}' does not exist."));
                continue;
            }

            key ??= lookup.KeyColumn;
            await foreach (var row in lookups.RowsAsync(lookup.DatasetId, cancellationToken))
            {
                rows.Add(row);
            }
        }

        return (rows, key);
    }

    private static SourceConfig? Guard(Func<SourceConfig> build, List<FieldError> errors)
    {
        try
        {
            return build();
        }
        catch (InvalidSourceException ex)
        {
            errors.AddRange(ex.Errors);
            return null;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
