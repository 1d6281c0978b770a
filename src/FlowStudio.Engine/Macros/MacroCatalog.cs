namespace FlowStudio.Engine.Macros;

/// <summary>One entry of the macro autocomplete list.</summary>
/// <param name="Macro">What to insert, e.g. "{now-1}".</param>
/// <param name="Description">What it means, in words.</param>
/// <param name="Value">What it expands to right now (unencoded); for lookups, the first row's value or "".</param>
public sealed record MacroSuggestion(string Macro, string Description, string Value);

/// <summary>A lookup whose columns can be used as macros.</summary>
/// <param name="Name">The macro prefix, e.g. "clients" for <c>{clients.id}</c>.</param>
/// <param name="Columns">Its columns.</param>
/// <param name="SampleRow">A row to show example values from, if any.</param>
public sealed record LookupMacroSource(string Name, IReadOnlyList<string> Columns, IReadOnlyDictionary<string, string>? SampleRow = null);

/// <summary>An incremental source's cursor, for the <c>{cursor}</c> macro.</summary>
/// <param name="Field">The cursor field, e.g. "modifiedTime".</param>
/// <param name="Value">The cursor now: the largest value read so far, or the initial value before the first run; null when neither.</param>
public sealed record CursorMacroSource(string Field, string? Value);

/// <summary>Lists the macros a source URL can use, with the value each has right now, for the UI's autocomplete.</summary>
public sealed class MacroCatalog(TimeProvider time)
{
    /// <summary>Date/time macros first, then <c>{cursor}</c> when the source is incremental, then one per column of each lookup.</summary>
    public IReadOnlyList<MacroSuggestion> List(DateMacroSettings settings, IReadOnlyList<LookupMacroSource>? lookups = null,
        CursorMacroSource? cursor = null)
    {
        var now = time.GetUtcNow();
        var unit = MacroTimeUnits.All.First(u => u.Unit == settings.TimeUnit).Id;
        string At(int offset) => MacroDateFormats.Format(MacroTimeUnits.Shift(now, settings.TimeUnit, offset), settings.DateFormat);

        var list = new List<MacroSuggestion>
        {
            new("{now}", "The current date and time", At(0)),
            new("{now-1}", $"One {unit} before now", At(-1)),
            new("{now+1}", $"One {unit} after now", At(1)),
            new("{now-7}", $"Any number of {unit}s before now: change 7 to the number you need", At(-7)),
            new("{now+7}", $"Any number of {unit}s after now: change 7 to the number you need", At(7)),
        };

        if (cursor is not null)
        {
            list.Add(new MacroSuggestion("{cursor}",
                $"The largest \"{cursor.Field}\" read so far (the Initial Cursor Value before the first run), so each run reads only what changed",
                cursor.Value ?? string.Empty));
        }

        foreach (var lookup in lookups ?? [])
        {
            foreach (var column in lookup.Columns)
            {
                var sample = lookup.SampleRow is not null && lookup.SampleRow.TryGetValue(column, out var value) ? value ?? string.Empty : string.Empty;
                list.Add(new MacroSuggestion($"{{{lookup.Name}.{column}}}", $"Column \"{column}\" of lookup \"{lookup.Name}\", one call per row", sample));
            }
        }

        return list;
    }
}
