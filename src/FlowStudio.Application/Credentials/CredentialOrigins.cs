using FlowStudio.Engine;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;

namespace FlowStudio.Application.Credentials;

/// <summary>A credential is bound to its API's origin: a URL elsewhere is refused before anything is saved or sent.</summary>
internal static class CredentialOrigins
{
    public static FieldError? Check(Connection connection, string url, string field = "url")
    {
        if (!ApiUrls.IsAbsoluteHttp(url) || !HasSecrets(connection))
        {
            return null;
        }

        var target = new Uri(url);
        if (connection.IsOwnOrigin(target))
        {
            return null;
        }

        return new FieldError(field, $"{Origins.Of(target)} is not the credential's API ({Origins.Of(connection.BaseUrl)}), and a credential is sent only there. "
            + "Use a path such as /v2/..., choose a credential for that API, or add the origin to a REST API credential's Allowed Origins.");
    }

    private static bool HasSecrets(Connection connection) => connection.Connector switch
    {
        ConnectorIds.Webhook => false,
        ConnectorIds.Rest => !string.Equals(connection.Field("authType") ?? RestAuthTypes.None, RestAuthTypes.None, StringComparison.OrdinalIgnoreCase),
        _ => true,
    };
}
