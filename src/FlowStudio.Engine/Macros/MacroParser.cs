using System.Text.RegularExpressions;

namespace FlowStudio.Engine.Macros;

/// <summary>Finds the macros in a URL and reports malformed ones (unknown names, missing numbers, unbalanced braces).</summary>
internal static partial class MacroParser
{
    private const int MaxOffset = 100_000;

    /// <summary>The name of the cursor macro, <c>{cursor}</c>.</summary>
    public const string CursorName = "cursor";

    public static (IReadOnlyList<MacroReference> Macros, IReadOnlyList<MacroProblem> Problems) Parse(string text)
    {
        var macros = new List<MacroReference>();
        var problems = new List<MacroProblem>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '}')
            {
                problems.Add(new MacroProblem("}", $"The closing brace \"}}\" at position {i + 1} has no opening brace."));
                i++;
            }
            else if (c == '{')
            {
                i = ReadBraced(text, i, macros, problems);
            }
            else if (c == '(' && ParenthesizedNow().Match(text, i) is { Success: true } paren)
            {
                var offset = paren.Groups["offset"].Success ? ReadOffset(paren.Groups["offset"].Value) : 0;
                AddNow(paren.Value, i, offset, macros, problems);
                i += paren.Length;
            }
            else
            {
                i++;
            }
        }

        return (macros, problems);
    }

    private static int ReadBraced(string text, int start, List<MacroReference> macros, List<MacroProblem> problems)
    {
        var close = text.IndexOf('}', start + 1);
        var reopen = text.IndexOf('{', start + 1);
        if (close < 0 || (reopen >= 0 && reopen < close))
        {
            var end = reopen >= 0 ? reopen : text.Length;
            var fragment = text[start..end];
            problems.Add(new MacroProblem(fragment, $"The macro \"{fragment}\" has no closing brace."));
            return end;
        }

        var macro = text[start..(close + 1)];
        var inner = macro[1..^1];
        if (BracedNow().Match(inner) is { Success: true } now)
        {
            var offset = now.Groups["offset"].Success ? ReadOffset(now.Groups["offset"].Value) : 0;
            AddNow(macro, start, offset, macros, problems);
        }
        else if (inner.Equals(CursorName, StringComparison.OrdinalIgnoreCase))
        {
            macros.Add(new MacroReference(macro, MacroKind.Cursor, start));
        }
        else if (inner.Length == 0)
        {
            problems.Add(new MacroProblem(macro, "The macro {} is empty."));
        }
        else if (NowWithoutNumber().IsMatch(inner))
        {
            problems.Add(new MacroProblem(macro, $"The macro {macro} needs a whole number of time units, e.g. {{now-1}} or {{now-7}}."));
        }
        else if (inner.StartsWith("now", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new MacroProblem(macro, $"Unknown macro {macro}: date macros are {{now}}, {{now-N}} and {{now+N}}, with N a whole number of time units, e.g. {{now-7}}."));
        }
        else if (LookupMacro().Match(inner) is { Success: true } lookup)
        {
            macros.Add(new MacroReference(macro, MacroKind.Lookup, start, 0, lookup.Groups["name"].Value, lookup.Groups["column"].Value.Trim()));
        }
        else
        {
            problems.Add(new MacroProblem(
                macro,
                $"Unknown macro {macro}: use {{now}}, {{now-N}} or {{now+N}} (N a whole number, e.g. {{now-7}}), {{cursor}} or a lookup column as {{lookupName.column}}."));
        }

        return close + 1;
    }

    private static void AddNow(string macro, int start, int? offset, List<MacroReference> macros, List<MacroProblem> problems)
    {
        if (offset is { } value)
        {
            macros.Add(new MacroReference(macro, MacroKind.Now, start, value));
        }
        else
        {
            problems.Add(new MacroProblem(macro, $"The offset in {macro} is too large (at most {MaxOffset:N0} time units)."));
        }
    }

    private static int? ReadOffset(string signed) =>
        long.TryParse(signed, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
        && value is >= -MaxOffset and <= MaxOffset
            ? (int)value
            : null;

    [GeneratedRegex(@"^now(?<offset>[+-][0-9]+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BracedNow();

    [GeneratedRegex(@"^now\s*(?:[+-]\s*n?\s*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NowWithoutNumber();

    [GeneratedRegex(@"\G\(now(?<offset>[+-][0-9]+)?\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ParenthesizedNow();

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_-]*)\.(?<column>[^{}]*[^{}\s][^{}]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex LookupMacro();
}
