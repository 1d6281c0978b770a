using FlowStudio.Engine.Macros;
using FlowStudio.Web.Features.Lookups;

namespace FlowStudio.Web.Features.Sources;

/// <summary>The macro list of the Set API URL field: date/time macros with their value now, {cursor} when a Cursor Field is set, and the chosen lookup's columns.</summary>
internal static class SourceMacros
{
    public static async Task<IReadOnlyList<MacroSuggestion>> ListAsync(
        TimeProvider time, LookupService lookups, SourceForm form, CancellationToken cancellationToken)
    {
        var sources = new List<LookupMacroSource>();
        if (form.LookupId is { } id && await lookups.FindAsync(id, cancellationToken) is { } lookup)
        {
            IReadOnlyDictionary<string, string>? firstRow = null;
            await foreach (var row in lookups.RowsAsync(lookup.DatasetId, cancellationToken))
            {
                firstRow = row;
                break;
            }

            sources.Add(new LookupMacroSource(lookup.Name, lookup.Columns, firstRow));
        }

        return new MacroCatalog(time).List(form.MacroSettings(), sources, form.CursorMacro());
    }
}
