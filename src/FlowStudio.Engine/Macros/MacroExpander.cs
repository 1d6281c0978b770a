using System.Text;

namespace FlowStudio.Engine.Macros;

/// <summary>
/// Expands URL macros: date/time macros (<c>{now}</c>, <c>{now-N}</c>, <c>{now+N}</c>, also <c>(now-N)</c>) from the
/// injected clock, written in the source's date format and stepped in its time unit; and lookup macros
/// (<c>{lookupName.column}</c>) from one lookup row; <c>{cursor}</c> from the source's incremental cursor. Values are URL-encoded.
/// </summary>
public sealed class MacroExpander(TimeProvider time)
{
    /// <summary>
    /// <paramref name="url"/> with every macro replaced, using the current time.
    /// Throws <see cref="MacroException"/> naming the first bad macro (unknown, malformed, unbalanced braces, or a
    /// lookup macro without a lookup row or with a column the row lacks).
    /// </summary>
    public string Expand(string url, DateMacroSettings settings, IReadOnlyDictionary<string, string>? lookupRow = null, string? cursor = null) =>
        Expand(url, settings, time.GetUtcNow(), lookupRow, cursor);

    /// <summary>
    /// As <see cref="Expand(string, DateMacroSettings, IReadOnlyDictionary{string, string}?, string?)"/>, at a given instant (one
    /// run uses one "now"). <paramref name="cursor"/> is what <c>{cursor}</c> becomes (empty when null: nothing read yet).
    /// </summary>
    public static string Expand(string url, DateMacroSettings settings, DateTimeOffset now, IReadOnlyDictionary<string, string>? lookupRow,
        string? cursor = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(settings);
        var (macros, problems) = MacroParser.Parse(url);
        if (problems.Count > 0)
        {
            throw new MacroException(problems[0].Macro, problems[0].Message);
        }

        var result = new StringBuilder(url.Length + 32);
        var copied = 0;
        foreach (var macro in macros)
        {
            result.Append(url, copied, macro.Start - copied);
            result.Append(Uri.EscapeDataString(ValueOf(macro, settings, now, lookupRow, cursor)));
            copied = macro.Start + macro.Text.Length;
        }

        result.Append(url, copied, url.Length - copied);
        return result.ToString();
    }

    /// <summary>
    /// Every date macro of <paramref name="url"/> whose offset, in <paramref name="unit"/>, leaves the calendar (years 1 to
    /// 9999) at <paramref name="now"/>.
    /// </summary>
    public static IReadOnlyList<MacroProblem> OutOfRange(string? url, MacroTimeUnit unit, DateTimeOffset now) =>
        [.. Find(url).Where(m => m.Kind == MacroKind.Now && MacroTimeUnits.TryShift(now, unit, m.Offset) is null)
            .Select(m => new MacroProblem(m.Text, OutOfRange(m, unit)))];

    private static string OutOfRange(MacroReference macro, MacroTimeUnit unit) =>
        $"{macro.Text} with the time unit {unit.ToString().ToLowerInvariant()} falls outside the years 1 to 9999; use a smaller offset or a smaller time unit.";

    /// <summary>Every malformed or unknown macro in <paramref name="url"/> (empty when all are fine).</summary>
    public static IReadOnlyList<MacroProblem> Validate(string? url) =>
        string.IsNullOrEmpty(url) ? [] : MacroParser.Parse(url).Problems;

    /// <summary>The well-formed macros in <paramref name="url"/>, in order.</summary>
    public static IReadOnlyList<MacroReference> Find(string? url) =>
        string.IsNullOrEmpty(url) ? [] : MacroParser.Parse(url).Macros;

    /// <summary>True when <paramref name="url"/> has a lookup macro, so a read runs once per lookup row.</summary>
    public static bool UsesLookup(string? url) => Find(url).Any(m => m.Kind == MacroKind.Lookup);

    /// <summary>True when <paramref name="url"/> has the <c>{cursor}</c> macro.</summary>
    public static bool UsesCursor(string? url) => Find(url).Any(m => m.Kind == MacroKind.Cursor);

    /// <summary>The value of one macro, unencoded.</summary>
    public static string ValueOf(MacroReference macro, DateMacroSettings settings, DateTimeOffset now, IReadOnlyDictionary<string, string>? lookupRow,
        string? cursor = null)
    {
        if (macro.Kind == MacroKind.Now)
        {
            return MacroTimeUnits.TryShift(now, settings.TimeUnit, macro.Offset) is { } shifted
                ? MacroDateFormats.Format(shifted, settings.DateFormat)
                : throw new MacroException(macro.Text, OutOfRange(macro, settings.TimeUnit));
        }

        if (macro.Kind == MacroKind.Cursor)
        {
            return cursor ?? string.Empty;
        }

        if (lookupRow is null)
        {
            throw new MacroException(macro.Text, $"The macro {macro.Text} needs a lookup: add a lookup to the source.");
        }

        var column = macro.Column!;
        if (lookupRow.TryGetValue(column, out var exact))
        {
            return exact ?? string.Empty;
        }

        foreach (var (name, value) in lookupRow)
        {
            if (name.Equals(column, StringComparison.OrdinalIgnoreCase))
            {
                return value ?? string.Empty;
            }
        }

        throw new MacroException(macro.Text, $"The macro {macro.Text} names the column \"{column}\", which the lookup does not have.");
    }
}
