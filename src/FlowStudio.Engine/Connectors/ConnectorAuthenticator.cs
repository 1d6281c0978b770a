using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using FlowStudio.Engine.Http;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Connectors;

/// <summary>
/// Adds each connector's credentials to outbound requests. ClientSuccess username/password connections sign in at
/// <c>POST {base}/v1/auth</c> once, Zoho connections trade their refresh token for an access token at
/// <c>POST {accountsUrl}/oauth/v2/token</c>; the token is cached per connection until it expires or the API answers 401.
/// One instance should live for the whole process (register it as a singleton) so tokens are reused.
/// </summary>
public sealed class ConnectorAuthenticator(TimeProvider time)
{
    private static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromHours(12);
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, TokenSlot> _tokens = new(StringComparer.Ordinal);

    // Headers that follow from the credential alone (API keys, basic, bearer), worked out once per connection: a
    // delivery sends thousands of requests on one.
    private readonly ConditionalWeakTable<Connection, AuthHeaders> _fixed = new();

    /// <summary>
    /// The headers for <paramref name="connection"/>. <paramref name="staleToken"/> is the token the API just refused
    /// (401): it is dropped and a new one fetched. <paramref name="send"/> sends the sign-in request without auth.
    /// </summary>
    internal async Task<AuthHeaders> AuthorizeAsync(
        Connection connection,
        Func<ApiRequest, CancellationToken, Task<ApiResponse>> send,
        string? staleToken,
        CancellationToken cancellationToken)
    {
        if (_fixed.TryGetValue(connection, out var known))
        {
            return known;
        }

        var secrets = SecretsOf(connection);
        if (string.Equals(connection.Connector, ConnectorIds.Zoho, StringComparison.OrdinalIgnoreCase))
        {
            var signIn = ZohoSignIn.For(connection);
            return await CachedTokenAsync(signIn.CacheKey, staleToken, secrets, "Zoho-oauthtoken ", token => signIn.RequestAsync(send, token), cancellationToken);
        }

        var isToken = string.Equals(connection.Connector, ConnectorIds.ClientSuccess, StringComparison.OrdinalIgnoreCase)
            && connection.Field("apiKey") is null;
        if (isToken)
        {
            return await ClientSuccessTokenAsync(connection, send, staleToken, secrets, cancellationToken);
        }

        var headers = FixedHeaders(connection, secrets);
        _fixed.AddOrUpdate(connection, headers);
        return headers;
    }

    private static AuthHeaders FixedHeaders(Connection connection, List<string> secrets)
    {
        switch (connection.Connector.ToLowerInvariant())
        {
            case ConnectorIds.ClientSuccess:
                var key = connection.Field("apiKey")!;
                return AuthHeaders.With(secrets, ("X-API-Key", key), ("Authorization", key));
            case ConnectorIds.Clari:
                var clariKey = connection.Field("apiKey")
                    ?? throw new ArgumentException("The Clari connection needs an API key.", nameof(connection));
                return connection.Field("partnerKey") is { } partner
                    ? AuthHeaders.With(secrets, ("apikey", clariKey), ("partnerkey", partner))
                    : AuthHeaders.With(secrets, ("apikey", clariKey));
            case ConnectorIds.Rest:
                return RestHeaders(connection, secrets);
            case ConnectorIds.Webhook:
                return AuthHeaders.With(secrets);
            default:
                throw new ArgumentException($"Unknown connector '{connection.Connector}'.", nameof(connection));
        }
    }

    private static AuthHeaders RestHeaders(Connection connection, List<string> secrets)
    {
        var type = connection.Field("authType") ?? RestAuthTypes.None;
        if (type.Equals(RestAuthTypes.None, StringComparison.OrdinalIgnoreCase))
        {
            return AuthHeaders.With(secrets);
        }

        if (type.Equals(RestAuthTypes.ApiKey, StringComparison.OrdinalIgnoreCase))
        {
            var header = connection.Field("headerName") ?? RestAuthTypes.DefaultApiKeyHeader;
            var key = connection.Field("apiKey") ?? throw new ArgumentException("The REST connection's API key is empty.", nameof(connection));
            return AuthHeaders.With(secrets, (header, key));
        }

        if (type.Equals(RestAuthTypes.Basic, StringComparison.OrdinalIgnoreCase))
        {
            var user = connection.Field("username") ?? throw new ArgumentException("The REST connection's username is empty.", nameof(connection));
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{connection.Field("password")}"));
            secrets.Add(basic);
            return AuthHeaders.With(secrets, ("Authorization", "Basic " + basic));
        }

        if (type.Equals(RestAuthTypes.Bearer, StringComparison.OrdinalIgnoreCase))
        {
            var token = connection.Field("token") ?? throw new ArgumentException("The REST connection's bearer token is empty.", nameof(connection));
            return AuthHeaders.With(secrets, ("Authorization", "Bearer " + token));
        }

        throw new ArgumentException($"Unknown REST auth type '{type}' (expected none, apiKey, basic or bearer).", nameof(connection));
    }

    private async Task<AuthHeaders> ClientSuccessTokenAsync(
        Connection connection,
        Func<ApiRequest, CancellationToken, Task<ApiResponse>> send,
        string? staleToken,
        List<string> secrets,
        CancellationToken cancellationToken)
    {
        var username = connection.Field("username");
        var password = connection.Field("password");
        if (username is null || password is null)
        {
            throw new ArgumentException("The ClientSuccess connection needs an API key, or a username and password.", nameof(connection));
        }

        async Task<TokenAnswer> SignInAsync(CancellationToken token)
        {
            var body = new JObject { ["username"] = username, ["password"] = password }.ToString(Newtonsoft.Json.Formatting.None);
            var response = await send(new ApiRequest(HttpMethod.Post, "/v1/auth", Body: body), token);
            if (response.StatusCode is < 200 or > 299)
            {
                return new TokenAnswer(null, default, response);
            }

            var (accessToken, lifetime) = ReadToken(response);
            return accessToken is null
                ? new TokenAnswer(null, default, response with { StatusCode = 0, Body = string.Empty, TransportError = "The ClientSuccess sign-in response had no access_token." })
                : new TokenAnswer(accessToken, lifetime, response);
        }

        return await CachedTokenAsync(CacheKey(connection, username, password), staleToken, secrets, "", SignInAsync, cancellationToken);
    }

    /// <summary>
    /// The cached token for <paramref name="cacheKey"/> unless it is <paramref name="staleToken"/> or expired; otherwise a
    /// new one from <paramref name="signIn"/>, sent as <c>Authorization: {scheme}{token}</c>.
    /// </summary>
    private async Task<AuthHeaders> CachedTokenAsync(
        string cacheKey,
        string? staleToken,
        List<string> secrets,
        string scheme,
        Func<CancellationToken, Task<TokenAnswer>> signIn,
        CancellationToken cancellationToken)
    {
        var slot = _tokens.GetOrAdd(cacheKey, _ => new TokenSlot());
        await slot.Gate.WaitAsync(cancellationToken);
        try
        {
            if (slot.Token is { } cached && cached != staleToken && time.GetUtcNow() < slot.ExpiresAt)
            {
                secrets.Add(cached);
                return AuthHeaders.With(secrets, ("Authorization", scheme + cached)) with { Token = cached };
            }

            slot.Token = null;
            var answer = await signIn(cancellationToken);
            if (answer.Token is not { } token)
            {
                return AuthHeaders.Failed(secrets, answer.Response);
            }

            slot.Token = token;
            slot.ExpiresAt = time.GetUtcNow() + answer.Lifetime - ExpiryMargin;
            secrets.Add(token);
            return AuthHeaders.With(secrets, ("Authorization", scheme + token)) with { Token = token };
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private static (string? Token, TimeSpan Lifetime) ReadToken(ApiResponse response)
    {
        string? token = null;
        var lifetime = DefaultTokenLifetime;
        try
        {
            if (JToken.Parse(response.Body) is JObject json)
            {
                token = json.Value<string>("access_token") ?? json.Value<string>("token");
                if (json["expires_in"] is { Type: JTokenType.Integer or JTokenType.Float } expires && expires.Value<double>() > 120)
                {
                    lifetime = TimeSpan.FromSeconds(expires.Value<double>());
                }
            }
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            // Not JSON: fall back to the Authorization header the API also echoes the token in.
        }

        token ??= response.Headers.TryGetValue("Authorization", out var header) ? header : null;
        return (string.IsNullOrWhiteSpace(token) ? null : token, lifetime);
    }

    private static List<string> SecretsOf(Connection connection)
    {
        string[] secretNames = ["password", "apiKey", "partnerKey", "token", "clientSecret", "refreshToken"];
        return [.. secretNames.Select(connection.Field).OfType<string>()];
    }

    private static string CacheKey(Connection connection, string username, string password)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
        return $"{connection.BaseUrl.AbsoluteUri.TrimEnd('/')}\n{username}\n{hash}";
    }

    private sealed class TokenSlot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public string? Token { get; set; }

        public DateTimeOffset ExpiresAt { get; set; }
    }
}
