namespace FlowStudio.Application.Common;

/// <summary>How a secret is shown: as bullets only, never any of its characters.</summary>
internal static class SecretMask
{
    public const string Bullets = "••••••••";

    public static string Mask(string? secret) =>
        string.IsNullOrEmpty(secret) ? string.Empty : Bullets;
}
