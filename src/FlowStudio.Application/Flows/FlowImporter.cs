using FlowStudio.Engine;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Flows;

/// <summary>
/// Recreates an exported flow in one transaction (all of it or nothing): its lookups, its source, its transforms and its destinations,
/// each through the same checks as when made by hand, all paused. Names already taken get " (imported)" (a lookup,
/// whose name is a macro prefix, gets "_imported", and the source's macros follow it).
/// </summary>
internal sealed class FlowImporter(
    FlowStudioDb db, SourceService sources, TransformService transforms, DestinationService destinations, LookupService lookups, FlowEvents events)
{
    public async Task<FlowImportOutcome> ImportAsync(FlowImportRequest request, CancellationToken cancellationToken)
    {
        if (request.Document is not { } document)
        {
            return FlowImportOutcome.Refused("Give the exported flow as \"document\".");
        }

        var (flow, problem) = FlowDocumentReader.Read(document);
        if (flow is null)
        {
            return FlowImportOutcome.Refused(problem!);
        }

        var (credentialIds, missing, credentialErrors) = await MapCredentialsAsync(flow, request.Credentials ?? [], cancellationToken);
        if (missing.Count > 0 || credentialErrors.Count > 0)
        {
            return new FlowImportOutcome(null, null, missing, credentialErrors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var errors = new List<FieldError>();
        var (lookupIds, renamed, createdLookups) = await CreateLookupsAsync(flow, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return new FlowImportOutcome(null, null, [], errors);
        }

        var sourceRequest = SourceRequest(flow, credentialIds, lookupIds, renamed) with { Name = await FreeSourceNameAsync(flow.Source.Config.Name, cancellationToken) };
        var (source, sourceErrors) = await sources.CreateAsync(sourceRequest, cancellationToken);
        if (source is null)
        {
            return new FlowImportOutcome(null, null, [], Prefixed("source", sourceErrors));
        }

        // The dataset each document key stands for here: null is the source's, a transform's key its new output.
        var datasets = new Dictionary<string, string>(StringComparer.Ordinal);
        string? DatasetOf(string? key) => key is null ? source.DatasetId : datasets.GetValueOrDefault(key);
        foreach (var (transform, index) in flow.Transforms.Select((t, i) => (t, i)))
        {
            if (DatasetOf(transform.Input) is not { } input)
            {
                return new FlowImportOutcome(null, null, [], [new($"transforms[{index}].input", $"The export has no transform “{transform.Input}” before this one: it is damaged. Export the flow again.")]);
            }

            var (created, transformErrors) = await transforms.CreateAsync(new TransformRequest(transform.Name, input, transform.Steps), cancellationToken);
            if (created is null)
            {
                return new FlowImportOutcome(null, null, [], Prefixed($"transforms[{index}]", transformErrors));
            }

            datasets[transform.Key] = created.DatasetId;
        }

        var createdDestinations = new List<DestinationView>();
        foreach (var (destination, index) in flow.Destinations.Select((d, i) => (d, i)))
        {
            var config = destination.Config with
            {
                Name = await FreeDestinationNameAsync(destination.Config.Name, cancellationToken),
                CredentialId = destination.Credential is { } credential ? credentialIds.GetValueOrDefault(credential) : null,
                DatasetId = DatasetOf(destination.Input),
            };
            var (created, destinationErrors) = await destinations.CreateAsync(config, cancellationToken);
            if (created is null)
            {
                return new FlowImportOutcome(null, null, [], Prefixed($"destinations[{index}]", destinationErrors));
            }

            createdDestinations.Add(created);
        }

        // A webhook source receives from its creation; an imported one waits, like everything imported, to be activated.
        await db.Sources.Where(s => s.Id == source.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ResourceStatus.Paused).SetProperty(x => x.NextRunAt, (DateTime?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Publish(new FlowChange(FlowChangeKind.Source, source.Id));
        return new FlowImportOutcome(new FlowImported(source with { Status = ResourceStatus.Paused }, createdDestinations, createdLookups), null, [], []);
    }

    /// <summary>The credential id for each reference; the references the request maps to nothing; mappings that do not fit.</summary>
    private async Task<(Dictionary<string, string> Ids, List<CredentialReference> Missing, List<FieldError> Errors)> MapCredentialsAsync(
        FlowDocument flow, Dictionary<string, string> mapping, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = new List<CredentialReference>();
        var errors = new List<FieldError>();
        foreach (var reference in FlowDocumentReader.CredentialsOf(flow))
        {
            if (!mapping.TryGetValue(reference.Name, out var id) || string.IsNullOrWhiteSpace(id))
            {
                missing.Add(reference);
                continue;
            }

            var credential = await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (credential is null)
            {
                errors.Add(new($"credentials.{reference.Name}", $"Credential '{id}' does not exist."));
            }
            else if (reference.Connector.Length > 0 && !string.Equals(credential.Connector, reference.Connector, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new($"credentials.{reference.Name}", $"“{credential.Name}” is a {credential.Connector} credential; “{reference.Name}” needs a {reference.Connector} one."));
            }
            else
            {
                ids[reference.Name] = id;
            }
        }

        return (ids, missing, errors);
    }

    private async Task<(Dictionary<string, string> Ids, Dictionary<string, string> Renamed, List<LookupView> Created)> CreateLookupsAsync(
        FlowDocument flow, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var created = new List<LookupView>();
        foreach (var (lookup, index) in flow.Lookups.Select((l, i) => (l, i)))
        {
            var name = await FreeLookupNameAsync(lookup.Name, cancellationToken);
            var (view, lookupErrors) = await lookups.CreateAsync(new CreateLookupRequest(name, null, lookup.KeyColumn, lookup.Rows), cancellationToken);
            if (view is null)
            {
                errors.AddRange(Prefixed($"lookups[{index}]", lookupErrors));
                continue;
            }

            ids[lookup.Name] = view.Id;
            if (name != lookup.Name)
            {
                renamed[lookup.Name] = name;
            }

            created.Add(view);
        }

        return (ids, renamed, created);
    }

    /// <summary>The source's request with this FlowStudio's credential and lookups; macros of a renamed lookup use its new name.</summary>
    private static CreateSourceRequest SourceRequest(
        FlowDocument flow, Dictionary<string, string> credentialIds, Dictionary<string, string> lookupIds, Dictionary<string, string> renamed)
    {
        var config = flow.Source.Config with { CredentialId = flow.Source.Credential is { } name ? credentialIds.GetValueOrDefault(name) : null };
        if (config.Manual is not { } manual)
        {
            return config;
        }

        string? Rename(string? text) => text is null ? null : renamed.Aggregate(text, (t, r) => t.Replace($"{{{r.Key}.", $"{{{r.Value}.", StringComparison.Ordinal));
        return config with
        {
            Manual = manual with
            {
                LookupIds = manual.LookupIds?.Select(l => lookupIds.GetValueOrDefault(l, l)).ToList(),
                Url = Rename(manual.Url),
                Body = Rename(manual.Body),
                Headers = manual.Headers?.ToDictionary(h => h.Key, h => Rename(h.Value)!),
            },
        };
    }

    private async Task<string?> FreeSourceNameAsync(string? name, CancellationToken cancellationToken) =>
        await FreeNameAsync(name, " (imported)", " (imported {0})", n => db.Sources.AnyAsync(s => s.Name == n, cancellationToken));

    private async Task<string?> FreeDestinationNameAsync(string? name, CancellationToken cancellationToken) =>
        await FreeNameAsync(name, " (imported)", " (imported {0})", n => db.Destinations.AnyAsync(d => d.Name == n, cancellationToken));

    private async Task<string> FreeLookupNameAsync(string name, CancellationToken cancellationToken) =>
        (await FreeNameAsync(name, "_imported", "_imported{0}", n => db.Lookups.AnyAsync(l => l.Name == n, cancellationToken)))!;

    /// <summary><paramref name="name"/> when it is free, else with <paramref name="suffix"/>, else with the numbered suffix (2, 3, …).</summary>
    private static async Task<string?> FreeNameAsync(string? name, string suffix, string numbered, Func<string, Task<bool>> taken)
    {
        if (string.IsNullOrWhiteSpace(name) || !await taken(name.Trim()))
        {
            return name;
        }

        var candidate = name.Trim() + suffix;
        for (var n = 2; await taken(candidate); n++)
        {
            candidate = name.Trim() + string.Format(System.Globalization.CultureInfo.InvariantCulture, numbered, n);
        }

        return candidate;
    }

    private static List<FieldError> Prefixed(string prefix, IEnumerable<FieldError> errors) =>
        [.. errors.Select(e => new FieldError($"{prefix}.{e.Field}", e.Message))];
}
