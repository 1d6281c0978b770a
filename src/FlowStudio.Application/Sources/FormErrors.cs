using FlowStudio.Engine;

namespace FlowStudio.Application.Sources;

/// <summary>
/// The field errors of one Test or Save, looked up by the field names the API uses ("url", "parameters.clientId"), so
/// each message is shown beside its field, all at once.
/// </summary>
public sealed class FormErrors(IReadOnlyList<FieldError> errors)
{
    public static readonly FormErrors None = new([]);

    public int Count => errors.Count;

    /// <summary>Every message for the field (several names may share a field, e.g. "method" and "manual.method").</summary>
    public string? For(params string[] fields) =>
        errors.Where(e => fields.Contains(e.Field, StringComparer.Ordinal)).Select(e => e.Message).Distinct().ToList() is { Count: > 0 } messages
            ? string.Join(" ", messages)
            : null;

    /// <summary>Errors of fields the editor does not show, for a summary above it.</summary>
    public IReadOnlyList<FieldError> Except(IEnumerable<string> shownFields)
    {
        var shown = shownFields.ToHashSet(StringComparer.Ordinal);
        return errors.Where(e => !shown.Contains(e.Field)).ToList();
    }

    /// <summary>The aria-describedby value for an input with an optional hint and an optional error (the pages not yet moved use it).</summary>
    public static string? DescribedBy(string? hintId, string? errorId) =>
        string.Join(' ', new[] { hintId, errorId }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
}
