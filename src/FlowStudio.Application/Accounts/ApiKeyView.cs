namespace FlowStudio.Application.Accounts;

/// <summary>An API key as lists show it: never the key itself, only its first characters.</summary>
internal sealed record ApiKeyView(string Id, string Name, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt);

/// <summary>A new key: <paramref name="Key"/> is shown this once and never stored.</summary>
internal sealed record CreatedApiKey(string Id, string Name, string Prefix, DateTime CreatedAt, string Key);

internal sealed record CreateApiKeyRequest(string? Name);

/// <summary>Who an API key acts as: its user (with the user's role now) and the key itself.</summary>
internal sealed record ApiKeyHolder(string UserId, string Email, Data.AccountRole Role, string KeyId, string KeyName);
