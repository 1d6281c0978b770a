namespace FlowStudio.Application.Data.KeyRing;

/// <summary>How the Data Protection key ring (which encrypts credential secrets) is itself protected at rest (section <c>DataProtection</c>).</summary>
internal sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>
    /// The key ring's folder (relative to the content root). By default a <c>keys</c> folder beside the SQLite file, or
    /// <c>data/keys</c> on PostgreSQL; instances sharing one PostgreSQL database must share this folder too.
    /// </summary>
    public string? KeysDirectory { get; set; }

    /// <summary>A base64 256-bit key-encryption key: each key in the ring is encrypted with it (AES-256-GCM).</summary>
    public string? KeyEncryptionKey { get; set; }

    /// <summary>A PFX certificate file whose key encrypts the ring (ASP.NET Core's own certificate encryptor).</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}
