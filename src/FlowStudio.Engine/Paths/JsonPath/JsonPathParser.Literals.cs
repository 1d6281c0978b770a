using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath;

/// <summary>Names, string literals with both quote styles and their escapes, numbers and true/false/null.</summary>
internal sealed partial class JsonPathParser
{
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private static JValue? KeywordLiteral(string word) => word switch
    {
        "true" => new JValue(true),
        "false" => new JValue(false),
        "null" => JValue.CreateNull(),
        _ => null,
    };

    /// <summary>name-first: a letter, '_', or any character from U+0080 on (surrogate pairs whole).</summary>
    private bool IsNameFirst() => char.IsAsciiLetter(Current) || Current == '_' || (Current >= '\u0080' && !char.IsLowSurrogate(Current));

    private string MemberName()
    {
        var start = _at;
        while (!AtEnd && (IsNameFirst() || char.IsAsciiDigit(Current)))
        {
            ScalarCharacter();
        }

        return _text[start.._at];
    }

    /// <summary>Steps over one character, a surrogate pair as one; a lone surrogate is an error.</summary>
    private void ScalarCharacter()
    {
        if (char.IsHighSurrogate(Current) && _at + 1 < _text.Length && char.IsLowSurrogate(_text[_at + 1]))
        {
            _at += 2;
            return;
        }

        if (char.IsSurrogate(Current))
        {
            throw Error($"lone surrogate U+{(int)Current:X4} is not a character");
        }

        _at++;
    }

    private string StringLiteral()
    {
        var quote = Current;
        var open = _at;
        _at++;
        var value = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw ErrorAt(open, $"the string starting here has no closing {quote}");
            }

            var c = Current;
            if (c == quote)
            {
                _at++;
                return value.ToString();
            }

            if (c == '\\')
            {
                Escape(quote, value);
            }
            else if (c < ' ')
            {
                throw Error($"control character U+{(int)c:X4} must be escaped in a string (e.g. \\n, \\t or \\u{(int)c:x4})");
            }
            else
            {
                var start = _at;
                ScalarCharacter();
                value.Append(_text, start, _at - start);
            }
        }
    }

    private void Escape(char quote, StringBuilder value)
    {
        var start = _at;
        _at++;
        if (AtEnd)
        {
            throw ErrorAt(start, "a string cannot end with a lone '\\'");
        }

        var c = Current;
        _at++;
        switch (c)
        {
            case 'b': value.Append('\b'); return;
            case 'f': value.Append('\f'); return;
            case 'n': value.Append('\n'); return;
            case 'r': value.Append('\r'); return;
            case 't': value.Append('\t'); return;
            case '/' or '\\': value.Append(c); return;
            case 'u': value.Append(UnicodeEscape(start)); return;
            default:
                if (c == quote)
                {
                    value.Append(c);
                    return;
                }

                throw ErrorAt(start, $"invalid escape '\\{c}' in a string; the escapes are \\b \\f \\n \\r \\t \\/ \\\\ \\{quote} and \\uXXXX");
        }
    }

    private string UnicodeEscape(int start)
    {
        var unit = HexUnit(start);
        if (char.IsLowSurrogate(unit))
        {
            throw ErrorAt(start, $"\\u{(int)unit:X4} is the second half of a surrogate pair; it must follow a \\uD800-\\uDBFF escape");
        }

        if (!char.IsHighSurrogate(unit))
        {
            return unit.ToString();
        }

        if (_at + 1 >= _text.Length || _text[_at] != '\\' || _text[_at + 1] != 'u')
        {
            throw ErrorAt(start, $"\\u{(int)unit:X4} starts a surrogate pair; it must be followed by a \\uDC00-\\uDFFF escape");
        }

        var second = _at;
        _at += 2;
        var low = HexUnit(second);
        if (!char.IsLowSurrogate(low))
        {
            throw ErrorAt(second, $"\\u{(int)unit:X4} starts a surrogate pair; it must be followed by a \\uDC00-\\uDFFF escape");
        }

        return new string([unit, low]);
    }

    private char HexUnit(int start)
    {
        var code = 0;
        if (_at + 4 > _text.Length || !char.IsAsciiHexDigit(_text[_at]) || _text.AsSpan(_at, 4).ContainsAnyExcept(HexDigits)
            || !int.TryParse(_text.AsSpan(_at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out code))
        {
            throw ErrorAt(start, "\\u must be followed by four hex digits, e.g. \\u00e9");
        }

        _at += 4;
        return (char)code;
    }

    private JValue NumberLiteral()
    {
        var start = _at;
        if (Current == '-')
        {
            _at++;
        }

        var digits = Digits("the number");
        if (digits.Length > 1 && digits[0] == '0')
        {
            throw ErrorAt(start, "a number cannot have leading zeros");
        }

        var integral = true;
        if (!AtEnd && Current == '.')
        {
            _at++;
            Digits("the fraction after '.'");
            integral = false;
        }

        if (!AtEnd && Current is 'e' or 'E')
        {
            _at++;
            if (!AtEnd && Current is '+' or '-')
            {
                _at++;
            }

            Digits("the exponent");
            integral = false;
        }

        var text = _text[start.._at];
        if (integral && text != "-0" && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return new JValue(whole);
        }

        return new JValue(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private string Digits(string where)
    {
        var start = _at;
        while (!AtEnd && char.IsAsciiDigit(Current))
        {
            _at++;
        }

        return _at > start ? _text[start.._at] : throw Error($"expected a digit in {where}");
    }
}
