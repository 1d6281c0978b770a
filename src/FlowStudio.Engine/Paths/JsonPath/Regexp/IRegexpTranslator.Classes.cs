namespace FlowStudio.Engine.Paths.JsonPath.Regexp;

/// <summary>Character classes: <c>[...]</c>, <c>[^...]</c>, ranges, <c>\p{..}</c> / <c>\P{..}</c> and single-character escapes.</summary>
internal sealed partial class IRegexpTranslator
{
    private bool ClassExpression()
    {
        _at++;
        var negated = !AtEnd && Current == '^';
        if (negated)
        {
            _at++;
        }

        var set = CodePointSet.Empty;
        var first = true;
        while (true)
        {
            if (AtEnd)
            {
                return false;
            }

            if (Current == ']' && !first)
            {
                _at++;
                break;
            }

            if (Current == '-')
            {
                // A '-' is a character only first or last in the class.
                _at++;
                set = set.Union(CodePointSet.Of('-', '-'));
                if (!first && (AtEnd || Current != ']'))
                {
                    return false;
                }

                first = false;
                continue;
            }

            if (ClassItem() is not { } item)
            {
                return false;
            }

            set = set.Union(item);
            first = false;
        }

        _output.Append((negated ? set.Complement() : set).ToPattern());
        return true;
    }

    private CodePointSet? ClassItem()
    {
        if (Current == '\\' && _at + 1 < _pattern.Length && _pattern[_at + 1] is 'p' or 'P')
        {
            return Escape();
        }

        if (ClassChar() is not { } low)
        {
            return null;
        }

        if (_at + 1 < _pattern.Length && Current == '-' && _pattern[_at + 1] != ']')
        {
            _at++;
            if (AtEnd || (Current == '\\' && _at + 1 < _pattern.Length && _pattern[_at + 1] is 'p' or 'P') || ClassChar() is not { } high || high < low)
            {
                return null;
            }

            return CodePointSet.Of(low, high);
        }

        return CodePointSet.Of(low, low);
    }

    private int? ClassChar()
    {
        if (AtEnd || Current is '-' or '[' or ']')
        {
            return null;
        }

        if (Current == '\\')
        {
            return SingleCharEscape();
        }

        return NextScalar();
    }

    private CodePointSet? Escape()
    {
        if (_at + 1 >= _pattern.Length)
        {
            return null;
        }

        var kind = _pattern[_at + 1];
        if (kind is not 'p' and not 'P')
        {
            return SingleCharEscape() is { } single ? CodePointSet.Of(single, single) : null;
        }

        _at += 2;
        if (AtEnd || Current != '{')
        {
            return null;
        }

        var close = _pattern.IndexOf('}', _at);
        if (close < 0)
        {
            return null;
        }

        var category = UnicodeCategories.Find(_pattern[(_at + 1)..close]);
        _at = close + 1;
        return kind == 'p' ? category : category?.Complement();
    }

    private int? SingleCharEscape()
    {
        if (_at + 1 >= _pattern.Length)
        {
            return null;
        }

        var escaped = _pattern[_at + 1];
        int? scalar = escaped switch
        {
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            '(' or ')' or '*' or '+' or '-' or '.' or '?' or '[' or '\\' or ']' or '^' or '{' or '|' or '}' => escaped,
            _ => null,
        };
        if (scalar is not null)
        {
            _at += 2;
        }

        return scalar;
    }
}
