using Jint.Native;
using Jint.Native.Json;
using JsEngine = Jint.Engine;

namespace FlowStudio.Engine.Scripting;

/// <summary>
/// Turns a function's JSON argument into its JavaScript value. An array of records (a batch for <c>group</c>) becomes an
/// array whose canonical records are <see cref="JsonRecord"/>s, parsed only if the script looks at them; everything
/// else is parsed as JSON.parse would. A malformed argument is left to JSON.parse, which reports it.
/// </summary>
internal static class RecordArguments
{
    /// <summary>
    /// The argument's value; with <paramref name="lazily"/> false, or for anything but an array, simply JSON.parse's.
    /// <paramref name="batch"/> counts the records handed over unparsed and those the script then looked at.
    /// </summary>
    public static JsValue Parse(JsEngine engine, string json, bool lazily, out JsonRecord.Batch? batch)
    {
        batch = null;
        var text = json.AsSpan();
        var i = SkipSpace(text, 0);
        if (!lazily || i >= text.Length || text[i] != '[')
        {
            return new JsonParser(engine).Parse(json);
        }

        var items = new List<JsValue>();
        var records = new JsonRecord.Batch(engine, json);
        var canonical = new CanonicalJson(text);
        i = SkipSpace(text, i + 1);
        if (i < text.Length && text[i] == ']')
        {
            return SkipSpace(text, i + 1) == text.Length ? new JsArray(engine, []) : new JsonParser(engine).Parse(json);
        }

        while (true)
        {
            var end = text[i] == '{' ? canonical.End(i) : -1;
            if (end >= 0)
            {
                items.Add(new JsonRecord(engine, records, (uint)items.Count, i, end - i));
                records.Count++;
            }
            else if ((end = ValueEnd(text, i)) < 0 || TryParse(engine, text[i..end]) is not { } value)
            {
                return new JsonParser(engine).Parse(json);
            }
            else
            {
                items.Add(value);
            }

            i = SkipSpace(text, end);
            if (i < text.Length && text[i] == ',')
            {
                i = SkipSpace(text, i + 1);
                if (i < text.Length)
                {
                    continue;
                }
            }
            else if (i < text.Length && text[i] == ']' && SkipSpace(text, i + 1) == text.Length)
            {
                batch = records;
                return new JsArray(engine, [.. items]);
            }

            return new JsonParser(engine).Parse(json);
        }
    }

    private static JsValue? TryParse(JsEngine engine, ReadOnlySpan<char> element)
    {
        try
        {
            return new JsonParser(engine).Parse(element);
        }
        catch (Jint.Runtime.JavaScriptException)
        {
            return null; // the whole argument is parsed again, so the error names its place in the argument
        }
    }

    private static int SkipSpace(ReadOnlySpan<char> text, int i)
    {
        var rest = text[i..].IndexOfAnyExcept(" \t\r\n");
        return rest < 0 ? text.Length : i + rest;
    }

    // Where the element at i ends: its closing bracket, or for a scalar the first separator after it.
    private static int ValueEnd(ReadOnlySpan<char> text, int i)
    {
        var depth = 0;
        for (; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"':
                    i = StringEnd(text, i);
                    if (i < 0)
                    {
                        return -1;
                    }

                    if (depth == 0)
                    {
                        return i + 1;
                    }

                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']' when depth > 0:
                    if (--depth == 0)
                    {
                        return i + 1;
                    }

                    break;
                case ',' or '}' or ']' or ' ' or '\t' or '\r' or '\n' when depth == 0:
                    return i;
            }
        }

        return depth == 0 ? i : -1;
    }

    // The index of the quote that closes the string opening at i, or -1.
    private static int StringEnd(ReadOnlySpan<char> text, int i)
    {
        for (i++; i < text.Length; i++)
        {
            var stop = text[i..].IndexOfAny('"', '\\');
            if (stop < 0)
            {
                return -1;
            }

            i += stop;
            if (text[i] == '"')
            {
                return i;
            }

            i++; // the escaped character
        }

        return -1;
    }
}
