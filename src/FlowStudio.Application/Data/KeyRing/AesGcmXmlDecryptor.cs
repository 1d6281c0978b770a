using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace FlowStudio.Application.Data.KeyRing;

/// <summary>Decrypts keys written by <see cref="AesGcmXmlEncryptor"/>; Data Protection creates it with the app's services.</summary>
internal sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var kek = services.GetService<KeyEncryptionKey>()
            ?? throw new InvalidOperationException("The key ring is encrypted with a key-encryption key, but DataProtection:KeyEncryptionKey is not set.");
        var nonce = Convert.FromBase64String((string)encryptedElement.Element("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Element("tag")!);
        var cipher = Convert.FromBase64String((string)encryptedElement.Element("value")!);
        var plain = new byte[cipher.Length];
        try
        {
            using var aes = new AesGcm(kek.Key, tag.Length);
            aes.Decrypt(nonce, cipher, tag, plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new InvalidOperationException("The key ring cannot be decrypted with DataProtection:KeyEncryptionKey: it was encrypted with another key.");
        }

        var element = XElement.Parse(Encoding.UTF8.GetString(plain));
        CryptographicOperations.ZeroMemory(plain);
        return element;
    }
}
