using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace FlowStudio.Engine.Paths;

/// <summary>
/// A JSON value's text exactly as it was sent (numbers, escapes and property order untouched), only without the
/// whitespace between tokens.
/// </summary>
internal static class CompactJson
{
    private static readonly SearchValues<byte> WhitespaceOrQuote = SearchValues.Create(" \t\r\n\""u8);

    /// <summary>The compact text of <paramref name="element"/>.</summary>
    public static string Text(JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (IsCompact(raw))
        {
            return Encoding.UTF8.GetString(raw);
        }

        var output = new ArrayBufferWriter<byte>(raw.Length);
        Write(raw, output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>Appends the compact text of <paramref name="element"/> to <paramref name="output"/>.</summary>
    public static void Write(JsonElement element, ArrayBufferWriter<byte> output) => Write(JsonMarshal.GetRawUtf8Value(element), output);

    /// <summary>True when <paramref name="json"/> has no whitespace between its tokens (inside strings does not count).</summary>
    public static bool IsCompact(ReadOnlySpan<byte> json)
    {
        while (true)
        {
            var at = json.IndexOfAny(WhitespaceOrQuote);
            if (at < 0)
            {
                return true;
            }

            if (json[at] != (byte)'"')
            {
                return false;
            }

            json = json[(at + 1)..];
            json = json[StringEnd(json)..];
        }
    }

    /// <summary>Appends <paramref name="raw"/> (JSON text, or the start of one) without whitespace between tokens.</summary>
    public static void Write(ReadOnlySpan<byte> raw, ArrayBufferWriter<byte> output)
    {
        while (true)
        {
            var at = raw.IndexOfAny(WhitespaceOrQuote);
            if (at < 0)
            {
                output.Write(raw);
                return;
            }

            output.Write(raw[..at]);
            if (raw[at] == (byte)'"')
            {
                // The whole string, quotes included, as it is.
                var end = at + 1 + StringEnd(raw[(at + 1)..]);
                output.Write(raw[at..end]);
                raw = raw[end..];
            }
            else
            {
                raw = raw[(at + 1)..];
            }
        }
    }

    // How many bytes of a string's body (after its opening quote) run up to and including its closing quote.
    private static int StringEnd(ReadOnlySpan<byte> body)
    {
        var at = 0;
        while (true)
        {
            var next = body[at..].IndexOfAny((byte)'"', (byte)'\\');
            if (next < 0)
            {
                return body.Length;
            }

            at += next;
            if (body[at] == (byte)'"')
            {
                return at + 1;
            }

            at = Math.Min(at + 2, body.Length);
        }
    }
}
