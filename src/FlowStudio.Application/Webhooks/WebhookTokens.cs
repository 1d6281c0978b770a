using System.Security.Cryptography;
using System.Text;

namespace FlowStudio.Application.Webhooks;

/// <summary>Webhook tokens: shown once when the source is made, stored as a SHA-256 hash, compared in constant time.</summary>
internal static class WebhookTokens
{
    private const string Prefix = "sha256:";

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static string Hash(string token) => Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool Matches(string presented, string? stored)
    {
        if (string.IsNullOrEmpty(presented) || string.IsNullOrEmpty(stored))
        {
            return false;
        }

        // Sources made before tokens were hashed hold the token itself.
        var expected = stored.StartsWith(Prefix, StringComparison.Ordinal) ? stored : Hash(stored);
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Hash(presented)), Encoding.UTF8.GetBytes(expected));
    }
}
