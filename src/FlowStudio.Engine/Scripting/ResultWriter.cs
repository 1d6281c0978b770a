using System.Buffers.Text;
using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Function;
using Jint.Native.Json;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using JsEngine = Jint.Engine;

namespace FlowStudio.Engine.Scripting;

/// <summary>
/// Writes a function's result as JSON.stringify would, as UTF-8. Plain arrays and objects, primitives and records the
/// script never looked at (<see cref="JsonRecord"/>, written from their text) are written here; at anything else (a
/// getter, a toJSON, a Date, a proxy, a class instance, a cycle) it starts again with Jint's own serializer, having run no
/// script code.
/// </summary>
internal sealed class ResultWriter
{
    private const int MaxDepth = 64;
    private readonly OutputBuffer _output;
    private readonly ObjectInstance _objects;
    private readonly ObjectInstance _arrays;
    private readonly List<ObjectInstance> _open = [];

    private ResultWriter(JsEngine engine, OutputBuffer output)
    {
        _output = output;
        _objects = engine.Intrinsics.Object.PrototypeObject;
        _arrays = engine.Intrinsics.Array.PrototypeObject;
    }

    /// <summary>Writes <paramref name="result"/>; false when JSON cannot represent it (<c>undefined</c>).</summary>
    public static bool Write(JsEngine engine, JsValue result, OutputBuffer output)
    {
        output.Clear();
        if (result is ObjectInstance)
        {
            var writer = new ResultWriter(engine, output);
            if (!writer._objects.HasOwnProperty("toJSON") && !writer._arrays.HasOwnProperty("toJSON") && writer.TryValue(result))
            {
                return true;
            }

            output.Clear();
        }

        return new JsonSerializer(engine).Serialize(result, output);
    }

    private bool TryValue(JsValue value)
    {
        switch (value)
        {
            case JsString:
                Quote(value.ToString());
                return true;
            case JsNumber number:
                Number(number);
                return true;
            case JsBoolean:
                Ascii(value.AsBoolean() ? "true" : "false");
                return true;
            case JsNull:
                Ascii("null");
                return true;
            case JsonRecord { Parsed: false } record when record.Prototype == _objects:
                Raw(record.Text);
                return true;
            case JsArray array when array.Prototype == _arrays:
                return Enter(array) && Array(array) && Leave();
            case ObjectInstance plain when (plain.GetType() == typeof(JsObject) || plain is JsonRecord) && plain.Prototype == _objects:
                return Enter(plain) && Object(plain) && Leave();
            default:
                return false;
        }
    }

    private bool Enter(ObjectInstance value)
    {
        if (_open.Count >= MaxDepth || _open.Contains(value))
        {
            return false; // Jint's serializer reports the cycle
        }

        _open.Add(value);
        return true;
    }

    private bool Leave()
    {
        _open.RemoveAt(_open.Count - 1);
        return true;
    }

    private bool Array(JsArray array)
    {
        Ascii("[");
        var length = array.Length;
        for (uint i = 0; i < length; i++)
        {
            if (i > 0)
            {
                Ascii(",");
            }

            var element = array[i];
            if (Skipped(element))
            {
                Ascii("null");
            }
            else if (!TryValue(element))
            {
                return false;
            }
        }

        Ascii("]");
        return true;
    }

    private bool Object(ObjectInstance value)
    {
        Ascii("{");
        var first = true;
        foreach (var key in value.GetOwnPropertyKeys(Types.String))
        {
            var descriptor = value.GetOwnProperty(key);
            if (descriptor == PropertyDescriptor.Undefined || !descriptor.Enumerable)
            {
                continue;
            }

            var name = key.ToString();
            if (descriptor.IsAccessorDescriptor() || name == "toJSON")
            {
                return false;
            }

            if (Skipped(descriptor.Value))
            {
                continue;
            }

            if (!first)
            {
                Ascii(",");
            }

            first = false;
            Quote(name);
            Ascii(":");
            if (!TryValue(descriptor.Value))
            {
                return false;
            }
        }

        Ascii("}");
        return true;
    }

    // JSON.stringify leaves these out of objects and writes null for them in arrays.
    private static bool Skipped(JsValue value) => value.IsUndefined() || value.IsSymbol() || value is Function;

    private void Number(JsNumber number)
    {
        var value = number.AsNumber();
        if (!double.IsFinite(value))
        {
            Ascii("null");
        }
        else if (value == Math.Floor(value) && Math.Abs(value) < 9007199254740992d)
        {
            var span = _output.GetSpan(20);
            Utf8Formatter.TryFormat((long)value, span, out var written);
            _output.Advance(written);
        }
        else
        {
            Ascii(TypeConverter.ToString(number));
        }
    }

    // QuoteJSONString: the short escapes, \u00xx for other control characters and \uxxxx for lone surrogates.
    private void Quote(string text)
    {
        Ascii("\"");
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var plain = rest.IndexOfAnyExceptInRange(' ', '\ud7ff');
            var quote = rest.IndexOfAny('"', '\\');
            var stop = plain < 0 ? quote : quote < 0 ? plain : Math.Min(plain, quote);
            if (stop < 0)
            {
                Raw(rest);
                break;
            }

            Raw(rest[..stop]);
            var c = rest[stop];
            var taken = 1;
            if (char.IsHighSurrogate(c) && stop + 1 < rest.Length && char.IsLowSurrogate(rest[stop + 1]))
            {
                taken = 2;
                Raw(rest.Slice(stop, 2));
            }
            else if (c >= '\ue000')
            {
                Raw(rest.Slice(stop, 1));
            }
            else
            {
                Ascii(Escape(c));
            }

            rest = rest[(stop + taken)..];
        }

        Ascii("\"");
    }

    private static string Escape(char c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\b' => "\\b",
        '\f' => "\\f",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ => $"\\u{(int)c:x4}", // other control characters, lone surrogates
    };

    private void Raw(ReadOnlySpan<char> text)
    {
        var span = _output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        _output.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    private void Ascii(string text)
    {
        var span = _output.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = (byte)text[i];
        }

        _output.Advance(text.Length);
    }
}
