using System.Text;
using FlowStudio.Engine.Macros;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Destinations;

/// <summary>
/// A destination URL split into text and record-field macros (<c>{contact_id}</c>). Date macros
/// (<c>{now-1}</c>, <c>(now-1)</c>) stay in the text and are expanded by <see cref="MacroExpander"/>.
/// </summary>
internal sealed class DestinationUrl
{
    private readonly IReadOnlyList<(string Text, bool IsField)> _parts;

    private DestinationUrl(IReadOnlyList<(string Text, bool IsField)> parts, IReadOnlyList<string> problems)
    {
        _parts = parts;
        Problems = problems;
        Fields = parts.Where(p => p.IsField).Select(p => p.Text).Distinct().ToList();
    }

    /// <summary>The record fields the URL uses, in order.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Malformed macros (unbalanced braces, bad date macros).</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>True when each record needs its own request.</summary>
    public bool IsPerRecord => Fields.Count > 0;

    public static DestinationUrl Parse(string url)
    {
        var parts = new List<(string, bool)>();
        var problems = new List<string>();
        var text = new StringBuilder();
        var i = 0;
        while (i < url.Length)
        {
            var close = url[i] == '{' ? url.IndexOf('}', i + 1) : -1;
            var reopen = url[i] == '{' ? url.IndexOf('{', i + 1) : -1;
            if (url[i] != '{' || close < 0 || (reopen >= 0 && reopen < close))
            {
                text.Append(url[i++]);
                continue;
            }

            var macro = url[i..(close + 1)];
            var inner = macro[1..^1].Trim();
            if (IsDateMacro(inner))
            {
                text.Append(macro);
            }
            else if (inner.Length == 0)
            {
                problems.Add("The macro {} is empty: write a record field name, e.g. {contact_id}.");
                text.Append(macro);
            }
            else
            {
                parts.Add((text.ToString(), false));
                text.Clear();
                parts.Add((inner, true));
            }

            i = close + 1;
        }

        parts.Add((text.ToString(), false));
        var remaining = string.Concat(parts.Where(p => !p.Item2).Select(p => p.Item1));
        problems.AddRange(MacroExpander.Validate(remaining).Select(p => p.Message));
        return new DestinationUrl(parts, problems);
    }

    /// <summary>The URL for one record (or for any record when it uses no fields), with date macros expanded.</summary>
    /// <exception cref="RecordRejectedException">The record lacks a field the URL uses.</exception>
    public string Expand(JObject? record, JObject? fallback, DateTimeOffset now, DateMacroSettings settings)
    {
        var url = new StringBuilder();
        foreach (var (text, isField) in _parts)
        {
            url.Append(isField ? Uri.EscapeDataString(FieldValue(text, record, fallback)) : text);
        }

        try
        {
            return MacroExpander.Expand(url.ToString(), settings, now, null);
        }
        catch (MacroException error)
        {
            throw new RecordRejectedException($"URL macro {error.Macro}: {error.Message}");
        }
    }

    // {now}, {now-1}, {now + 2} are date macros; {nowcast} or {now.x} name record fields.
    private static bool IsDateMacro(string inner) =>
        inner.StartsWith("now", StringComparison.OrdinalIgnoreCase)
        && (inner.Length == 3 || inner[3] is '+' or '-' or ' ');

    private static string FieldValue(string field, JObject? record, JObject? fallback)
    {
        var value = RecordFields.Find(record, field) ?? RecordFields.Find(fallback, field);
        if (value is null)
        {
            throw new RecordRejectedException($"URL macro {{{field}}}: the record has no field {field}");
        }

        if (RecordFields.IsBlank(value))
        {
            throw new RecordRejectedException($"URL macro {{{field}}}: the record's field {field} is empty");
        }

        return RecordFields.AsText(value)
            ?? throw new RecordRejectedException($"URL macro {{{field}}}: the record's field {field} is not a single value");
    }
}
