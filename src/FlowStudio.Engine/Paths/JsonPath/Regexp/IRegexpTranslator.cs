using System.Text;
using System.Text.RegularExpressions;

namespace FlowStudio.Engine.Paths.JsonPath.Regexp;

/// <summary>
/// Reads an I-Regexp (RFC 9485 §5.3 grammar) and writes the equivalent .NET pattern: literal characters escaped, <c>.</c>
/// as "any character but \n and \r", classes and <c>\p{..}</c> as explicit sets of whole characters, groups as
/// non-capturing, <c>^</c> and <c>$</c> as anchors. Anything outside the grammar (backreferences, <c>\d</c>, lookarounds, anchors…) makes it invalid.
/// </summary>
internal sealed partial class IRegexpTranslator
{
    private const int MaxNesting = 64;

    private static readonly CodePointSet Dot = CodePointSet.Of('\n', '\n').Union(CodePointSet.Of('\r', '\r')).Complement();

    private readonly string _pattern;
    private readonly StringBuilder _output = new();
    private int _at;
    private int _depth;

    private IRegexpTranslator(string pattern) => _pattern = pattern;

    /// <summary>The .NET pattern for <paramref name="pattern"/>, or null when it is not a valid I-Regexp.</summary>
    public static string? Translate(string pattern)
    {
        var translator = new IRegexpTranslator(pattern);
        return translator.Regexp() && translator._at == pattern.Length ? translator._output.ToString() : null;
    }

    private bool AtEnd => _at >= _pattern.Length;

    private char Current => _pattern[_at];

    private bool Regexp()
    {
        if (!Branch())
        {
            return false;
        }

        while (!AtEnd && Current == '|')
        {
            _at++;
            _output.Append('|');
            if (!Branch())
            {
                return false;
            }
        }

        return true;
    }

    private bool Branch()
    {
        while (!AtEnd && Current is not '|' and not ')')
        {
            if (!Atom() || !Quantifier())
            {
                return false;
            }
        }

        return true;
    }

    private bool Atom()
    {
        switch (Current)
        {
            case '(':
                if (++_depth > MaxNesting)
                {
                    return false;
                }

                _at++;
                _output.Append("(?:");
                if (!Regexp() || AtEnd || Current != ')')
                {
                    return false;
                }

                _at++;
                _depth--;
                _output.Append(')');
                return true;
            case '.':
                _at++;
                _output.Append(Dot.ToPattern());
                return true;
            case '[':
                return ClassExpression();
            case '\\':
                if (Escape() is not { } set)
                {
                    return false;
                }

                _output.Append(set.ToPattern());
                return true;
            case '^':
                // The RFC 9485 grammar reads '^' and '$' as characters, but common practice (and the compliance suite)
                // reads them as anchors; in match() they change nothing, in search() they anchor.
                _at++;
                _output.Append('^');
                return true;
            case '$':
                _at++;
                _output.Append(@"\z");
                return true;
            case '*' or '+' or '?' or '{' or '}' or ']':
                return false;
            default:
                if (NextScalar() is not { } scalar)
                {
                    return false;
                }

                _output.Append(Literal(scalar));
                return true;
        }
    }

    private bool Quantifier()
    {
        if (AtEnd)
        {
            return true;
        }

        if (Current is '*' or '+' or '?')
        {
            _output.Append(Current);
            _at++;
            return true;
        }

        if (Current != '{')
        {
            return true;
        }

        _at++;
        var min = Digits();
        if (min is null)
        {
            return false;
        }

        var text = "{" + min;
        if (!AtEnd && Current == ',')
        {
            _at++;
            text += ",";
            var max = Digits();
            if (max is not null)
            {
                if (CompareCounts(max, min) < 0)
                {
                    return false;
                }

                text += max;
            }
        }

        if (AtEnd || Current != '}')
        {
            return false;
        }

        _at++;
        _output.Append(text).Append('}');
        return true;
    }

    private static int CompareCounts(string a, string b)
    {
        a = a.TrimStart('0');
        b = b.TrimStart('0');
        return a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
    }

    private string? Digits()
    {
        var start = _at;
        while (!AtEnd && char.IsAsciiDigit(Current))
        {
            _at++;
        }

        return _at > start ? _pattern[start.._at] : null;
    }

    /// <summary>The next character as a scalar value (a surrogate pair counts as one); null for a lone surrogate.</summary>
    private int? NextScalar()
    {
        var c = Current;
        if (char.IsHighSurrogate(c) && _at + 1 < _pattern.Length && char.IsLowSurrogate(_pattern[_at + 1]))
        {
            _at += 2;
            return char.ConvertToUtf32(c, _pattern[_at - 1]);
        }

        if (char.IsSurrogate(c))
        {
            return null;
        }

        _at++;
        return c;
    }

    private static string Literal(int scalar) => scalar > 0xFFFF
        ? "(?:" + char.ConvertFromUtf32(scalar) + ")"
        : Regex.Escape(((char)scalar).ToString());
}
