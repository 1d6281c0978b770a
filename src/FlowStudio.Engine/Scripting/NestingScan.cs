namespace FlowStudio.Engine.Scripting;

/// <summary>
/// A cheap scan, before any parsing, that refuses code whose brackets (<c>( [ {</c> and template <c>${</c>) nest deeper
/// than a limit, naming the line: a recursive-descent parser spends stack per level. Strings, template text, comments
/// and regular expression literals are skipped; a regex is told from a division by the character before it, so an
/// unusual regex can shift the count by a bracket or two, far from the limit either way.
/// </summary>
internal static class NestingScan
{
    private const string BeforeRegex = "(,=:[!&|?{};+-*%<>~^";

    private static readonly HashSet<string> RegexKeywords =
        ["return", "typeof", "case", "in", "of", "void", "delete", "instanceof", "new", "throw", "yield", "await", "else", "do"];

    /// <summary>The problem with <paramref name="code"/>, or null when it nests no deeper than <paramref name="maxNesting"/>.</summary>
    public static ScriptException? Check(string code, int maxNesting)
    {
        var depth = 0;
        var line = 1;
        var lineStart = 0;
        var templates = new Stack<int>();
        var inTemplate = false;
        var previous = '\0';
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
                continue;
            }

            if (inTemplate)
            {
                if (c == '\\')
                {
                    i = SkipEscape(code, i, ref line, ref lineStart);
                }
                else if (c == '`')
                {
                    inTemplate = false;
                    previous = '`';
                }
                else if (c == '$' && i + 1 < code.Length && code[i + 1] == '{')
                {
                    i++;
                    if (++depth > maxNesting)
                    {
                        return TooDeep(line, i - lineStart + 1, maxNesting);
                    }

                    templates.Push(depth);
                    inTemplate = false;
                    previous = '{';
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            switch (c)
            {
                case '/' when Peek(code, i) == '/':
                    i = SkipTo(code, i, "\n") - 1;
                    continue;
                case '/' when Peek(code, i) == '*':
                    i = SkipComment(code, i + 2, ref line, ref lineStart);
                    continue;
                case '\'' or '"':
                    i = SkipString(code, i, c, ref line, ref lineStart);
                    break;
                case '`':
                    inTemplate = true;
                    continue;
                case '/' when StartsRegex(code, i, previous):
                    i = SkipRegex(code, i);
                    break;
                case '(' or '[' or '{':
                    if (++depth > maxNesting)
                    {
                        return TooDeep(line, i - lineStart + 1, maxNesting);
                    }

                    break;
                case '}' when templates.Count > 0 && templates.Peek() == depth:
                    templates.Pop();
                    depth--;
                    inTemplate = true;
                    continue;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }

            previous = c is '\'' or '"' ? 'a' : c;
        }

        return null;
    }

    // A slash starts a regex after an operator, an opening bracket, the start, or a keyword such as return.
    private static bool StartsRegex(string code, int i, char previous)
    {
        if (previous == '\0' || BeforeRegex.Contains(previous, StringComparison.Ordinal))
        {
            return true;
        }

        if (!char.IsAsciiLetter(previous))
        {
            return false;
        }

        var end = i;
        while (end > 0 && char.IsWhiteSpace(code[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && (char.IsAsciiLetterOrDigit(code[start - 1]) || code[start - 1] is '_' or '$'))
        {
            start--;
        }

        return RegexKeywords.Contains(code[start..end]);
    }

    private static ScriptException TooDeep(int line, int column, int maxNesting) =>
        new(ScriptErrorKind.Syntax, "SyntaxError",
            $"brackets are nested more than {maxNesting} deep (Scripts:MaxNesting); the code was not run", line, column);

    private static char Peek(string code, int i) => i + 1 < code.Length ? code[i + 1] : '\0';

    private static int SkipTo(string code, int i, string end)
    {
        var at = code.IndexOf(end, i, StringComparison.Ordinal);
        return at < 0 ? code.Length : at;
    }

    private static int SkipComment(string code, int i, ref int line, ref int lineStart)
    {
        var end = SkipTo(code, i, "*/");
        for (var j = i; j < end; j++)
        {
            if (code[j] == '\n')
            {
                line++;
                lineStart = j + 1;
            }
        }

        return Math.Min(code.Length, end + 1);
    }

    private static int SkipEscape(string code, int i, ref int line, ref int lineStart)
    {
        if (Peek(code, i) == '\n')
        {
            line++;
            lineStart = i + 2;
        }

        return i + 1;
    }

    private static int SkipString(string code, int i, char quote, ref int line, ref int lineStart)
    {
        for (var j = i + 1; j < code.Length; j++)
        {
            switch (code[j])
            {
                case '\\':
                    j = SkipEscape(code, j, ref line, ref lineStart);
                    break;
                case '\n':
                    return j - 1; // unterminated: let the parser report it
                default:
                    if (code[j] == quote)
                    {
                        return j;
                    }

                    break;
            }
        }

        return code.Length;
    }

    private static int SkipRegex(string code, int i)
    {
        var inClass = false;
        for (var j = i + 1; j < code.Length; j++)
        {
            switch (code[j])
            {
                case '\\':
                    j++;
                    break;
                case '\n':
                    return j - 1;
                case '[':
                    inClass = true;
                    break;
                case ']':
                    inClass = false;
                    break;
                case '/' when !inClass:
                    return j;
            }
        }

        return code.Length;
    }
}
