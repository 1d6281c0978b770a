using System.Text.Json;
using FlowStudio.Engine;
using FlowStudio.Web.Data;
using FlowStudio.Web.Features.Connectors;
using FlowStudio.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Web.Features.Credentials;

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
        var secretNames = connector.CredentialFields.Where(f => f.Secret).Select(f => f.Name).ToHashSet();
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

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        await db.Credentials.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    private CredentialView ToView(Credential credential) =>
        new(credential.Id, credential.Connector, ConnectorCatalog.Find(credential.Connector)?.Name ?? credential.Connector,
            credential.Name, ReadFields(credential, revealSecrets: false), credential.CreatedAt);

    private Dictionary<string, string> ReadFields(Credential credential, bool revealSecrets)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(credential.PublicFieldsJson) ?? [];
        var secrets = JsonSerializer.Deserialize<Dictionary<string, string>>(_protector.Unprotect(credential.ProtectedSecrets)) ?? [];
        foreach (var (name, value) in secrets)
        {
            fields[name] = revealSecrets ? value : SecretMask.Mask(value);
        }

        return fields;
    }
}
