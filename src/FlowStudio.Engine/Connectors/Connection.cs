using FlowStudio.Engine.Http;

namespace FlowStudio.Engine.Connectors;

/// <summary>
/// Where and how to reach one connector account.
/// </summary>
/// <param name="Connector">One of <see cref="ConnectorIds"/>: "clientsuccess", "clari", "rest", "webhook", "zoho".</param>
/// <param name="BaseUrl">Absolute base URL; request paths are joined to it.</param>
/// <param name="Fields">
/// Credential fields. clientsuccess: <c>username</c> + <c>password</c>, or <c>apiKey</c>;
/// clari: <c>apiKey</c> + <c>partnerKey</c>; zoho: <c>clientId</c> + <c>clientSecret</c> + <c>refreshToken</c>, with
/// <c>accountsUrl</c> (the data centre's absolute accounts server URL, default https://accounts.zoho.com); rest: <c>authType</c> (none|apiKey|basic|bearer), <c>headerName</c>
/// (apiKey, default X-API-Key), <c>apiKey</c>, <c>username</c>, <c>password</c>, <c>token</c>, <c>allowedOrigins</c>
/// (other origins the credential may be sent to, comma-separated). Names are case-insensitive.
/// </param>
public sealed record Connection(string Connector, Uri BaseUrl, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>The value of a credential field (case-insensitive name), or null when absent or blank.</summary>
    public string? Field(string name)
    {
        if (Fields.TryGetValue(name, out var exact))
        {
            return string.IsNullOrWhiteSpace(exact) ? null : exact;
        }

        foreach (var (key, value) in Fields)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return string.IsNullOrWhiteSpace(value) ? null : value;
            }
        }

        return null;
    }

    /// <summary>
    /// True when the credential may be sent to <paramref name="url"/>: the base URL's origin, or one of the origins in
    /// the <c>allowedOrigins</c> field. Anything else gets no credential headers.
    /// </summary>
    public bool IsOwnOrigin(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (Origins.Same(BaseUrl, url))
        {
            return true;
        }

        if (Field("allowedOrigins") is not { } allowed)
        {
            return false;
        }

        foreach (var origin in allowed.Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Uri.TryCreate(origin, UriKind.Absolute, out var other) && Origins.Same(other, url))
            {
                return true;
            }
        }

        return false;
    }
}
