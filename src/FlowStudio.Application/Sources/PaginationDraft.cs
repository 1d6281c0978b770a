using System.Globalization;
using FlowStudio.Engine;
using FlowStudio.Engine.Templates;

namespace FlowStudio.Application.Sources;

/// <summary>The Advanced tab's pagination settings as the user types them (numbers as text, so nothing typed is lost).</summary>
public sealed class PaginationDraft
{
    /// <summary>Each pagination type with what the user sees in the menu.</summary>
    public static readonly IReadOnlyList<(string Type, string Label)> Choices =
    [
        (PaginationTypes.None, "No pagination (one request)"),
        (PaginationTypes.PageSize, "Page number and page size"),
        (PaginationTypes.NextLink, "Next page link in the response"),
        (PaginationTypes.Offset, "Offset and limit"),
        (PaginationTypes.Cursor, "Cursor in the response"),
        (PaginationTypes.NextUrl, "Next page URL in the response"),
        (PaginationTypes.LinkHeader, "Link response header (rel=\"next\")"),
    ];

    public string Type { get; set; } = PaginationTypes.None;

    public string? PageParam { get; set; }

    public string? SizeParam { get; set; }

    public string? Size { get; set; }

    public string? StartPage { get; set; }

    public string? LastPath { get; set; }

    public string? NextPath { get; set; }

    public string? OffsetParam { get; set; }

    public string? CursorPath { get; set; }

    public string? CursorParam { get; set; }

    /// <summary>The words for a pagination type, as the menu shows them.</summary>
    public static string Describe(string type) => Choices.Where(c => c.Type == type).Select(c => c.Label).FirstOrDefault() ?? type;

    internal static PaginationDraft From(PaginationSpec? spec) => spec is null ? new() : new()
    {
        Type = spec.Type,
        PageParam = spec.PageParam,
        SizeParam = spec.SizeParam,
        Size = spec.Size?.ToString(CultureInfo.InvariantCulture),
        StartPage = spec.Type == PaginationTypes.PageSize ? spec.StartPage.ToString(CultureInfo.InvariantCulture) : null,
        LastPath = spec.LastPath,
        NextPath = spec.NextPath,
        OffsetParam = spec.OffsetParam,
        CursorPath = spec.CursorPath,
        CursorParam = spec.CursorParam,
    };

    /// <summary>The engine's pagination; numbers that are not whole numbers become "pagination" errors.</summary>
    internal PaginationSpec ToSpec(List<FieldError> errors)
    {
        if (Type == PaginationTypes.None)
        {
            return PaginationSpec.None;
        }

        return new PaginationSpec
        {
            Type = Type,
            PageParam = Blank(PageParam),
            SizeParam = Blank(SizeParam),
            Size = Number(Size, "Records per page", errors),
            StartPage = Number(StartPage, "First page number", errors) ?? 0,
            LastPath = Blank(LastPath),
            NextPath = Blank(NextPath),
            OffsetParam = Blank(OffsetParam),
            CursorPath = Blank(CursorPath),
            CursorParam = Blank(CursorParam),
        };
    }

    private static int? Number(string? text, string label, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(new FieldError("pagination", $"{label} must be a whole number such as 100, not “{text.Trim()}”."));
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
