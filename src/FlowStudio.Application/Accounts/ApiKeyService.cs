using FlowStudio.Engine;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Accounts;

/// <summary>Personal API keys: made, listed and revoked by their user; a key acts as its user with the user's role.</summary>
internal sealed class ApiKeyService(FlowStudioDb db, TimeProvider time)
{
    /// <summary>"Last used" is written at most this often, so busy scripts do not write on every call.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(string userId, CancellationToken cancellationToken) =>
        await db.ApiKeys.AsNoTracking()
            .Where(k => k.UserId == userId)
            .OrderBy(k => k.CreatedAt)
            .Select(k => new ApiKeyView(k.Id, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt))
            .ToListAsync(cancellationToken);

    /// <summary>A new key for the user; <paramref name="key"/> is only given for the bootstrap key, whose value is configured.</summary>
    public async Task<(CreatedApiKey? Created, IReadOnlyList<FieldError> Errors)> CreateAsync(
        string userId, string? name, CancellationToken cancellationToken, string? key = null)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return (null, [new FieldError("name", "Name the key after what will use it, e.g. \"CI pipeline\".")]);
        }

        if (name.Length > 100)
        {
            return (null, [new FieldError("name", "Use at most 100 characters.")]);
        }

        if (InputLimits.ControlCharacters("name", name) is { } control)
        {
            return (null, [control]);
        }

        if (await db.ApiKeys.AnyAsync(k => k.UserId == userId && k.Name == name, cancellationToken))
        {
            return (null, [new FieldError("name", $"You already have a key named \"{name}\"; choose another name or revoke that key first.")]);
        }

        key ??= ApiKeyText.New();
        var stored = new ApiKey
        {
            Id = ResourceIds.New("key"),
            UserId = userId,
            Name = name,
            Prefix = ApiKeyText.Prefix(key),
            Hash = ApiKeyText.Hash(key),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ApiKeys.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        return (new CreatedApiKey(stored.Id, stored.Name, stored.Prefix, stored.CreatedAt, key), []);
    }

    /// <summary>Deletes one of the user's keys; a request with it is refused from then on.</summary>
    public async Task<bool> RevokeAsync(string userId, string id, CancellationToken cancellationToken) =>
        await db.ApiKeys.Where(k => k.Id == id && k.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>The user a key acts as, or null when no stored key matches.</summary>
    public async Task<ApiKeyHolder?> AuthenticateAsync(string key, CancellationToken cancellationToken)
    {
        if (key.Length < ApiKeyText.MinimumLength)
        {
            return null;
        }

        var prefix = ApiKeyText.Prefix(key);
        var candidates = await (
            from k in db.ApiKeys.AsNoTracking()
            join u in db.Users.AsNoTracking() on k.UserId equals u.Id
            where k.Prefix == prefix
            select new { k.Id, k.Name, k.Hash, k.LastUsedAt, UserId = u.Id, u.Email, u.Role }).ToListAsync(cancellationToken);
        var match = candidates.FirstOrDefault(c => ApiKeyText.Matches(key, c.Hash));
        if (match is null)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (match.LastUsedAt is null || now - match.LastUsedAt >= LastUsedResolution)
        {
            await db.ApiKeys.Where(k => k.Id == match.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }

        return new ApiKeyHolder(match.UserId, match.Email ?? "", match.Role, match.Id, match.Name);
    }
}
