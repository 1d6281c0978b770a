using System.Text.Json;
using FlowStudio.Engine;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Credentials;

/// <summary>Stores credentials with their secret fields encrypted by Data Protection; hands out masked views.</summary>
internal sealed class CredentialService(FlowStudioDb db, IDataProtectionProvider protection, TimeProvider time)
{
    private readonly IDataProtector _protector = protection.CreateProtector("FlowStudio.Credentials.v1");

    public async Task<IReadOnlyList<CredentialView>> ListAsync(CancellationToken cancellationToken)
    {
        var credentials = await db.Credentials.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return credentials.Select(ToView).ToList();
    }

    public async Task<CredentialView?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var credential = await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return credential is null ? null : ToView(credential);
    }

    public async Task<CredentialSecrets?> GetSecretsAsync(string id, CancellationToken cancellationToken)
    {
        var credential = await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (credential is null)
        {
            return null;
        }

        var fields = ReadFields(credential, revealSecrets: true);
        return new CredentialSecrets(credential.Id, credential.Connector, fields.GetValueOrDefault("baseUrl"), fields);
    }

    /// <summary>Creates a credential, or returns the problems with the request (nothing is stored then).</summary>
    public async Task<(CredentialView? Created, IReadOnlyList<FieldError> Errors, bool NameTaken)> CreateAsync(
        CreateCredentialRequest request, CancellationToken cancellationToken)
    {
        var errors = CredentialValidator.Validate(request, out var connector);
        if (errors.Count > 0 || connector is null)
        {
            return (null, errors, false);
        }

        var name = request.Name!.Trim();
        if (await db.Credentials.AnyAsync(c => c.Name == name, cancellationToken))
        {
            return (null, [new FieldError("name", $"A credential named '{name}' already exists.")], true);
        }

        var fields = CredentialValidator.Clean(request.Fields);
        var secretNames = SecretNames(connector);
        var credential = new Credential
        {
            Id = ResourceIds.New("cred"),
            Connector = connector.Id,
            Name = name,
            PublicFieldsJson = JsonSerializer.Serialize(fields.Where(kv => !secretNames.Contains(kv.Key)).ToDictionary()),
            ProtectedSecrets = _protector.Protect(JsonSerializer.Serialize(fields.Where(kv => secretNames.Contains(kv.Key)).ToDictionary())),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Credentials.Add(credential);
        await db.SaveChangesAsync(cancellationToken);
        return (ToView(credential), [], false);
    }

    /// <summary>
    /// Edit: a new name, the public fields as given (an empty one is cleared), and the secrets typed again; a secret left
    /// empty keeps the saved one, which is never shown. The connector stays. The same checks as Create apply to the result.
    /// </summary>
    public async Task<(CredentialView? Updated, IReadOnlyList<FieldError> Errors, bool NameTaken)> UpdateAsync(
        string id, UpdateCredentialRequest request, CancellationToken cancellationToken)
    {
        var credential = await db.Credentials.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (credential is null)
        {
            return (null, [], false);
        }

        var connector = ConnectorCatalog.Find(credential.Connector)!;
        if (request.Connector is { } asked && !string.Equals(asked, connector.Id, StringComparison.OrdinalIgnoreCase))
        {
            return (null, [new FieldError("connector", $"A credential keeps its connector ({connector.Name}); create a new credential for another one.")], false);
        }

        var secretNames = SecretNames(connector);
        var merged = Merge(credential, connector, request.Fields);
        var errors = CredentialValidator.Validate(new CreateCredentialRequest(connector.Id, request.Name, merged), out _);
        if (errors.Count > 0)
        {
            return (null, errors, false);
        }

        var name = request.Name!.Trim();
        if (await db.Credentials.AnyAsync(c => c.Name == name && c.Id != id, cancellationToken))
        {
            return (null, [new FieldError("name", $"A credential named '{name}' already exists.")], true);
        }

        var fields = CredentialValidator.Clean(merged);
        credential.Name = name;
        credential.PublicFieldsJson = JsonSerializer.Serialize(fields.Where(kv => !secretNames.Contains(kv.Key)).ToDictionary());
        credential.ProtectedSecrets = _protector.Protect(JsonSerializer.Serialize(fields.Where(kv => secretNames.Contains(kv.Key)).ToDictionary()));
        await db.SaveChangesAsync(cancellationToken);
        return (ToView(credential), [], false);
    }

    /// <summary>
    /// The credential as Save would store it, for "Test connection" before saving: <paramref name="request"/> on its own,
    /// or, for the credential <paramref name="id"/>, merged with it as an edit would be. Nothing is stored.
    /// </summary>
    public async Task<(CredentialSecrets? Secrets, IReadOnlyList<FieldError> Errors)> ResolveUnsavedAsync(
        string? id, CreateCredentialRequest request, CancellationToken cancellationToken)
    {
        var stored = id is null ? null : await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        var connectorId = stored?.Connector ?? request.Connector;
        var fields = stored is not null && ConnectorCatalog.Find(connectorId) is { } connector ? Merge(stored, connector, request.Fields) : request.Fields;
        // A test needs no name: only the fields that reach the API are checked.
        var errors = CredentialValidator.Validate(new CreateCredentialRequest(connectorId, "Test", fields), out var found);
        if (errors.Count > 0 || found is null)
        {
            return (null, errors);
        }

        var clean = CredentialValidator.Clean(fields);
        return (new CredentialSecrets(id ?? "unsaved", found.Id, clean.GetValueOrDefault("baseUrl"), clean), []);
    }

    /// <summary>The sources and destinations that call their API with the credential <paramref name="id"/>, by name.</summary>
    public async Task<IReadOnlyList<CredentialDependent>> DependentsAsync(string id, CancellationToken cancellationToken)
    {
        var sources = await db.Sources.AsNoTracking().Where(s => s.CredentialId == id).OrderBy(s => s.Name)
            .Select(s => new CredentialDependent("source", s.Id, s.Name)).ToListAsync(cancellationToken);
        var destinations = await db.Destinations.AsNoTracking().Where(d => d.CredentialId == id).OrderBy(d => d.Name)
            .Select(d => new CredentialDependent("destination", d.Id, d.Name)).ToListAsync(cancellationToken);
        return [.. sources, .. destinations];
    }

    /// <summary>
    /// Deletes the credential unless a source or destination still uses it: those would stop working and could not be
    /// repaired, so they are named instead and nothing is deleted.
    /// </summary>
    public async Task<CredentialDeletion> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var credential = await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (credential is null)
        {
            return CredentialDeletion.NotFound;
        }

        var dependents = await DependentsAsync(id, cancellationToken);
        if (dependents.Count > 0)
        {
            return new CredentialDeletion(true, credential.Name, dependents);
        }

        await db.Credentials.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken);
        return new CredentialDeletion(true, credential.Name, []);
    }

    private CredentialView ToView(Credential credential) =>
        new(credential.Id, credential.Connector, ConnectorCatalog.Find(credential.Connector)?.Name ?? credential.Connector,
            credential.Name, ReadFields(credential, revealSecrets: false), credential.CreatedAt);

    private static HashSet<string> SecretNames(ConnectorDefinition connector) =>
        connector.CredentialFields.Where(f => f.Secret).Select(f => f.Name).ToHashSet();

    /// <summary>An edit's fields: the public ones as typed, each secret as typed or, left empty, as saved.</summary>
    private Dictionary<string, string?> Merge(Credential stored, ConnectorDefinition connector, Dictionary<string, string?>? typedFields)
    {
        var secretNames = SecretNames(connector);
        var typed = CredentialValidator.Clean(typedFields);
        var merged = typed.Where(kv => !secretNames.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        var saved = ReadSecrets(stored);
        foreach (var secret in secretNames)
        {
            merged[secret] = typed.GetValueOrDefault(secret) ?? saved.GetValueOrDefault(secret);
        }

        return merged;
    }

    private Dictionary<string, string> ReadSecrets(Credential credential) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(_protector.Unprotect(credential.ProtectedSecrets)) ?? [];

    private Dictionary<string, string> ReadFields(Credential credential, bool revealSecrets)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(credential.PublicFieldsJson) ?? [];
        foreach (var (name, value) in ReadSecrets(credential))
        {
            fields[name] = revealSecrets ? value : SecretMask.Mask(value);
        }

        return fields;
    }
}
