using FlowStudio.Engine;

namespace FlowStudio.Application.Destinations;

/// <summary>
/// The problems with the editor's settings, by the field names the API uses ("url", "batching.code",
/// "parameters.entityType"), so each message is shown beside its field and all of them at once.
/// </summary>
public sealed class EditorErrors(IReadOnlyList<FieldError> errors)
{
    public static readonly EditorErrors None = new([]);

    /// <summary>Every message for <paramref name="field"/>, joined; null when it has none.</summary>
    public string? For(string field) =>
        errors.Where(e => e.Field == field).Select(e => e.Message).Distinct().ToList() is { Count: > 0 } messages ? string.Join(" ", messages) : null;

    /// <summary>The problems of fields the editor does not show, for the summary above it.</summary>
    public IReadOnlyList<FieldError> Except(IEnumerable<string> shownFields)
    {
        var shown = shownFields.ToHashSet(StringComparer.Ordinal);
        return errors.Where(e => !shown.Contains(e.Field)).ToList();
    }
}
