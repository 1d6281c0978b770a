namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>Version-4-shaped uuids drawn from a seeded <see cref="Random"/>.</summary>
internal static class Uuids
{
    public static string Next(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }

    /// <summary>Contacts carry uuids like <c>cnt_1a2b3c4d</c>.</summary>
    public static string NextContact(Random random)
    {
        const string alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return "cnt_" + new string(chars);
    }
}
