namespace FlowStudio.Application.Data.KeyRing;

/// <summary>The configured key-encryption key, decoded once; the decryptor reads it from the container.</summary>
internal sealed class KeyEncryptionKey(byte[] key)
{
    public byte[] Key { get; } = key;

    /// <summary>Decodes <paramref name="base64"/>; throws <see cref="InvalidOperationException"/> saying what is wrong.</summary>
    public static KeyEncryptionKey Parse(string base64)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("DataProtection:KeyEncryptionKey is not base64. Generate one with: openssl rand -base64 32");
        }

        return key.Length == 32
            ? new KeyEncryptionKey(key)
            : throw new InvalidOperationException("DataProtection:KeyEncryptionKey must be 32 bytes (256 bits) in base64. Generate one with: openssl rand -base64 32");
    }
}
