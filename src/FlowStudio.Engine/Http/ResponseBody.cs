using System.Buffers;
using System.Text;

namespace FlowStudio.Engine.Http;

/// <summary>Reads a response body as text without ever holding more than the cap.</summary>
internal static class ResponseBody
{
    public static async Task<string> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            throw new ResponseTooLargeException(maxBytes);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var initial = content.Headers.ContentLength is { } length ? (int)Math.Min(length, maxBytes) : 8192;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initial, 256));
        var used = 0;
        try
        {
            while (true)
            {
                if (used == buffer.Length)
                {
                    if (used >= maxBytes)
                    {
                        // One byte more than allowed tells an exact fit from an overflow.
                        var probe = new byte[1];
                        if (await stream.ReadAsync(probe, cancellationToken) > 0)
                        {
                            throw new ResponseTooLargeException(maxBytes);
                        }

                        break;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(buffer.Length * 2L, 256), maxBytes));
                    buffer.AsSpan(0, used).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(used, (int)Math.Min(buffer.Length - used, maxBytes - used + 1)), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                used += read;
                if (used > maxBytes)
                {
                    throw new ResponseTooLargeException(maxBytes);
                }
            }

            return Decode(buffer.AsSpan(0, used), content.Headers.ContentType?.CharSet);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes, string? charset)
    {
        var encoding = EncodingOf(charset);
        var preamble = encoding.Preamble;
        if (preamble.Length > 0 && bytes.StartsWith(preamble))
        {
            bytes = bytes[preamble.Length..];
        }
        else if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        return encoding.GetString(bytes);
    }

    private static Encoding EncodingOf(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charset.Trim('"', ' '));
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }
}
