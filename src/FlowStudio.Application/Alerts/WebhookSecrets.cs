using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace FlowStudio.Application.Alerts;

/// <summary>
/// Webhook signing secrets: made by FlowStudio (256 random bits), stored encrypted with Data Protection as credential
/// secrets are, and read back only to sign an alert.
/// </summary>
internal sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    private const string Prefix = "whsec_";

    private readonly IDataProtector _protector = protection.CreateProtector("FlowStudio.AlertWebhooks.v1");

    /// <summary>A new secret, and its encrypted form to store.</summary>
    public (string Secret, string Protected) Create()
    {
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (secret, _protector.Protect(secret));
    }

    public string Read(string protectedSecret) => _protector.Unprotect(protectedSecret);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
