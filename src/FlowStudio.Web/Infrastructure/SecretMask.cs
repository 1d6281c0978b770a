namespace FlowStudio.Web.Infrastructure;

/// <summary>How a secret is shown: never in full; the last two characters only when the secret is long enough not to be guessed from them.</summary>
internal static class SecretMask
{
    public const string Bullets = "••••••••";

    public static string Mask(string? secret) =>
        string.IsNullOrEmpty(secret) ? string.Empty
        : secret.Length >= 16 ? Bullets + secret[^2..]
        : Bullets;
}
