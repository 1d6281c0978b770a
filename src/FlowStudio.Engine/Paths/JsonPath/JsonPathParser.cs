using System.Globalization;

namespace FlowStudio.Engine.Paths.JsonPath;

/// <summary>
/// Reads a JSONPath exactly by RFC 9535's grammar (§2 and Appendix A), checking function well-typedness (§2.4.3) as it
/// goes. Recursive descent with a nesting limit, so a hostile path gets an error, never a stack overflow. Every error
/// names the 1-based position and the problem in plain words.
/// </summary>
internal sealed partial class JsonPathParser
{
    /// <summary>The longest path accepted, in characters.</summary>
    public const int MaxLength = 4096;

    /// <summary>How deeply brackets, parentheses and function calls may nest.</summary>
    public const int MaxNesting = 64;

    /// <summary>The largest index RFC 9535 allows (2^53-1, exact in every JSON implementation).</summary>
    private const long MaxInteger = 9_007_199_254_740_991;

    private readonly string _text;
    private int _at;
    private int _depth;

    private JsonPathParser(string text) => _text = text;

    private bool AtEnd => _at >= _text.Length;

    private char Current => _text[_at];

    public static QueryExpression Parse(string text)
    {
        if (text.Length > MaxLength)
        {
            throw new JsonPathException(MaxLength + 1, $"the path is longer than {MaxLength:N0} characters");
        }

        var parser = new JsonPathParser(text);
        if (parser.AtEnd || parser.Current != '$')
        {
            throw parser.Error(text.Length == 0 ? "the path is empty; a JSONPath starts with '$'" : "a JSONPath starts with '$', e.g. $.data[*]");
        }

        parser._at++;
        var segments = parser.Segments();
        if (!parser.AtEnd)
        {
            throw parser.Error(char.IsWhiteSpace(parser.Current) && parser._text.AsSpan(parser._at).IsWhiteSpace()
                ? "a JSONPath cannot end with whitespace"
                : $"unexpected {parser.Describe()}; a segment starts with '.', '..' or '['");
        }

        return new QueryExpression(true, segments);
    }

    private List<Segment> Segments()
    {
        var segments = new List<Segment>();
        while (true)
        {
            var before = _at;
            SkipBlanks();
            if (AtEnd || Current is not '.' and not '[')
            {
                _at = before;
                return segments;
            }

            segments.Add(Segment());
        }
    }

    private Segment Segment()
    {
        if (Current == '[')
        {
            return new Segment(false, BracketedSelection());
        }

        _at++;
        var descendant = !AtEnd && Current == '.';
        if (descendant)
        {
            _at++;
            if (!AtEnd && Current == '[')
            {
                return new Segment(true, BracketedSelection());
            }
        }

        if (!AtEnd && Current == '*')
        {
            _at++;
            return new Segment(descendant, [WildcardSelector.Instance]);
        }

        if (!AtEnd && IsNameFirst())
        {
            return new Segment(descendant, [new NameSelector(MemberName())]);
        }

        var expected = descendant ? "a name, '*' or '[' after '..'" : "a name or '*' after '.'";
        throw Error(AtEnd ? $"expected {expected}"
            : char.IsAsciiDigit(Current) ? $"a name after '.' cannot start with a digit; write [{Current}] for an index or ['{Current}'] for a name"
            : $"expected {expected}, not {Describe()}; write ['...'] for a name with other characters");
    }

    private List<Selector> BracketedSelection()
    {
        var open = _at;
        Enter();
        _at++;
        SkipBlanks();
        var (first, kind) = Selector();
        var selectors = new List<Selector> { first };
        while (true)
        {
            SkipBlanks();
            if (AtEnd)
            {
                throw Error($"expected ']' to close the '[' at position {open + 1}");
            }

            if (Current == ']')
            {
                _at++;
                Leave();
                return selectors;
            }

            if (Current != ',')
            {
                throw Error($"expected ']' after the {kind}{(Current == ' ' ? string.Empty : $", not {Describe()}")} (selectors are separated by ',')");
            }

            _at++;
            SkipBlanks();
            Selector next;
            (next, kind) = Selector();
            selectors.Add(next);
        }
    }

    private (Selector Selector, string Kind) Selector()
    {
        if (AtEnd)
        {
            throw Error("expected a selector: a quoted name, *, an index, a slice or a ?filter");
        }

        switch (Current)
        {
            case '\'' or '"':
                return (new NameSelector(StringLiteral()), "name");
            case '*':
                _at++;
                return (WildcardSelector.Instance, "wildcard");
            case '?':
                _at++;
                SkipBlanks();
                return (new FilterSelector(LogicalExpression()), "filter");
            case ':' or '-':
            case >= '0' and <= '9':
                return IndexOrSlice();
            case ']':
                throw Error("empty brackets: write a selector inside, e.g. [0], ['name'] or [*]");
            default:
                throw Error($"expected a selector (a quoted name, *, an index, a slice or a ?filter), not {Describe()}");
        }
    }

    private (Selector Selector, string Kind) IndexOrSlice()
    {
        long? start = null;
        if (Current != ':')
        {
            start = Integer("index");
            var afterIndex = _at;
            SkipBlanks();
            if (AtEnd || Current != ':')
            {
                _at = afterIndex;
                return (new IndexSelector(start.Value), "index");
            }
        }

        _at++;
        SkipBlanks();
        long? end = null;
        long? step = null;
        if (!AtEnd && IsIntegerStart())
        {
            end = Integer("slice end");
        }

        var afterEnd = _at;
        SkipBlanks();
        if (!AtEnd && Current == ':')
        {
            _at++;
            var afterColon = _at;
            SkipBlanks();
            if (!AtEnd && IsIntegerStart())
            {
                step = Integer("slice step");
            }
            else
            {
                _at = afterColon;
            }
        }
        else
        {
            _at = afterEnd;
        }

        return (new SliceSelector(start, end, step), "slice");
    }

    private bool IsIntegerStart() => Current == '-' || char.IsAsciiDigit(Current);

    private long Integer(string what)
    {
        var start = _at;
        var negative = Current == '-';
        if (negative)
        {
            _at++;
        }

        if (AtEnd || !char.IsAsciiDigit(Current))
        {
            throw Error($"expected a digit in the {what}");
        }

        var digitsStart = _at;
        while (!AtEnd && char.IsAsciiDigit(Current))
        {
            _at++;
        }

        var digits = _text[digitsStart.._at];
        if (digits == "0" && negative)
        {
            throw ErrorAt(start, $"-0 is not a valid {what}; write 0");
        }

        if (digits.Length > 1 && digits[0] == '0')
        {
            throw ErrorAt(start, $"the {what} cannot have leading zeros");
        }

        if (digits.Length > 16 || long.Parse(digits, CultureInfo.InvariantCulture) > MaxInteger)
        {
            throw ErrorAt(start, $"the {what} {_text[start.._at]} is out of range; JSONPath allows -{MaxInteger} to {MaxInteger}");
        }

        var value = long.Parse(digits, CultureInfo.InvariantCulture);
        return negative ? -value : value;
    }

    private void Enter()
    {
        if (++_depth > MaxNesting)
        {
            throw Error($"the path nests brackets, parentheses and function calls more than {MaxNesting} levels deep");
        }
    }

    private void Leave() => _depth--;

    private void SkipBlanks()
    {
        while (!AtEnd && Current is ' ' or '\t' or '\n' or '\r')
        {
            _at++;
        }
    }

    private string Describe() => AtEnd ? "the end of the path" : Current switch
    {
        ' ' => "a space",
        '\t' => "a tab",
        '\n' or '\r' => "a line break",
        < ' ' => $"control character U+{(int)Current:X4}",
        _ => $"'{Current}'",
    };

    private JsonPathException Error(string problem) => ErrorAt(_at, problem);

    private static JsonPathException ErrorAt(int index, string problem) => new(index + 1, problem);
}
