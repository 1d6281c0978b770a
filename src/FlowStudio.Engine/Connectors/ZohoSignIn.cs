using System.Security.Cryptography;
using System.Text;
using FlowStudio.Engine.Http;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Connectors;

/// <summary>
/// Zoho's OAuth 2.0 refresh-token grant: <c>POST {accountsUrl}/oauth/v2/token</c> with the client id, client secret and
/// refresh token as a form. The client secret and refresh token go to the accounts server only; Zoho answers a refused
/// grant with 200 and an <c>error</c> body, reported here as a failed sign-in.
/// </summary>
internal sealed record ZohoSignIn(Uri TokenUrl, string ClientId, string ClientSecret, string RefreshToken)
{
    /// <summary>The accounts server of Zoho's US data centre, used when the credential names none.</summary>
    public const string DefaultAccountsUrl = "https://accounts.zoho.com";

    public static ZohoSignIn For(Connection connection)
    {
        var clientId = connection.Field("clientId");
        var clientSecret = connection.Field("clientSecret");
        var refreshToken = connection.Field("refreshToken");
        if (clientId is null || clientSecret is null || refreshToken is null)
        {
            throw new ArgumentException("The Zoho CRM connection needs a client id, a client secret and a refresh token.", nameof(connection));
        }

        var accounts = connection.Field("accountsUrl") ?? DefaultAccountsUrl;
        if (!Uri.TryCreate(accounts.TrimEnd('/') + "/oauth/v2/token", UriKind.Absolute, out var tokenUrl) || tokenUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"The Zoho accounts URL '{accounts}' is not an absolute http(s) URL.", nameof(connection));
        }

        return new ZohoSignIn(tokenUrl, clientId, clientSecret, refreshToken);
    }

    public string CacheKey =>
        $"zoho\n{TokenUrl.AbsoluteUri}\n{ClientId}\n{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ClientSecret + "\n" + RefreshToken)))}";

    public async Task<TokenAnswer> RequestAsync(Func<ApiRequest, CancellationToken, Task<ApiResponse>> send, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
            ["refresh_token"] = RefreshToken,
        });
        var body = await form.ReadAsStringAsync(cancellationToken);
        var response = await send(
            new ApiRequest(HttpMethod.Post, TokenUrl.AbsoluteUri, new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" }, body),
            cancellationToken);
        if (response.StatusCode is < 200 or > 299)
        {
            return new TokenAnswer(null, default, response);
        }

        var (token, lifetime, error) = Read(response.Body);
        return token is null
            ? new TokenAnswer(null, default, response with { StatusCode = 0, TransportError = $"The Zoho accounts server refused the sign-in: {error ?? "no access_token in its answer"}." })
            : new TokenAnswer(token, lifetime, response);
    }

    private static (string? Token, TimeSpan Lifetime, string? Error) Read(string body)
    {
        try
        {
            if (JToken.Parse(body) is JObject json)
            {
                var expires = json["expires_in"] is { Type: JTokenType.Integer or JTokenType.Float } e && e.Value<double>() > 120 ? e.Value<double>() : 3600;
                var token = json.Value<string>("access_token");
                return (string.IsNullOrWhiteSpace(token) ? null : token, TimeSpan.FromSeconds(expires), json.Value<string>("error"));
            }
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            // Not JSON: no token, reported below.
        }

        return (null, default, null);
    }
}
