using System.Globalization;
using FlowStudio.Engine;
using FlowStudio.Engine.Templates;

namespace FlowStudio.Web.Features.Sources;

/// <summary>The pagination settings of the Advanced tab as posted (<c>Pagination.Type</c>, <c>Pagination.PageParam</c>, ...).</summary>
public sealed record PaginationForm
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

    public string Type { get; init; } = PaginationTypes.None;

    public string? PageParam { get; init; }

    public string? SizeParam { get; init; }

    public string? Size { get; init; }

    public string? StartPage { get; init; }

    public string? LastPath { get; init; }

    public string? NextPath { get; init; }

    public string? OffsetParam { get; init; }

    public string? CursorPath { get; init; }

    public string? CursorParam { get; init; }

    internal static PaginationForm Read(Func<string, string?> get)
    {
        var type = get("Pagination.Type");
        return new PaginationForm
        {
            Type = PaginationTypes.All.Contains(type ?? "") ? type! : PaginationTypes.None,
            PageParam = get("Pagination.PageParam"),
            SizeParam = get("Pagination.SizeParam"),
            Size = get("Pagination.Size"),
            StartPage = get("Pagination.StartPage"),
            LastPath = get("Pagination.LastPath"),
            NextPath = get("Pagination.NextPath"),
            OffsetParam = get("Pagination.OffsetParam"),
            CursorPath = get("Pagination.CursorPath"),
            CursorParam = get("Pagination.CursorParam"),
        };
    }

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
            Size = Number(Size, "Page size", errors),
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

        errors.Add(new FieldError("pagination", $"{label} must be a whole number, not \"{text.Trim()}\"."));
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
