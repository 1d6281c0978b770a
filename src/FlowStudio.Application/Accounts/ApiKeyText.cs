using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace FlowStudio.Application.Accounts;

/// <summary>API keys as text: new keys, the shown prefix, the stored hash and the Bearer header.</summary>
internal static class ApiKeyText
{
    /// <summary>Keys FlowStudio makes start with this, so they are easy to spot (and to scan for in leaked text).</summary>
    public const string Marker = "fs_";

    /// <summary>How much of a key lists show (and the lookup uses); the rest, at least 22 characters, stays secret.</summary>
    public const int PrefixLength = 10;

    /// <summary>Shorter keys (e.g. a bootstrap key someone typed) are refused: they could be guessed.</summary>
    public const int MinimumLength = 32;

    /// <summary>256 random bits, base64url: <c>fs_</c> and 43 characters.</summary>
    public static string New() => Marker + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Prefix(string key) => key[..PrefixLength];

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Compares hashes in constant time, so the time taken says nothing about how much of a key was right.</summary>
    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(key)), Convert.FromHexString(storedHash));

    /// <summary>The key in <c>Authorization: Bearer &lt;key&gt;</c>, if the request sends one.</summary>
    public static string? FromBearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }
}
