namespace FlowStudio.Engine.Templates;

/// <summary>
/// How a source walks through the pages of an API's results. Shared by templates and manual sources.
/// Which properties matter depends on <see cref="Type"/> (one of <see cref="PaginationTypes"/>).
/// </summary>
public sealed record PaginationSpec
{
    /// <summary>No paging: one request.</summary>
    public static readonly PaginationSpec None = new();

    /// <summary>One of <see cref="PaginationTypes"/>.</summary>
    public string Type { get; init; } = PaginationTypes.None;

    /// <summary><c>pageSize</c>: query parameter carrying the page number (ClientSuccess: "page").</summary>
    public string? PageParam { get; init; }

    /// <summary><c>pageSize</c> and <c>offset</c>: query parameter carrying the page size / limit (ClientSuccess: "size").</summary>
    public string? SizeParam { get; init; }

    /// <summary>Records asked for per page.</summary>
    public int? Size { get; init; }

    /// <summary><c>pageSize</c>: number of the first page (ClientSuccess counts from 0).</summary>
    public int StartPage { get; init; }

    /// <summary><c>pageSize</c>: JSONPath to a boolean that is true on the last page (ClientSuccess: "$.last").</summary>
    public string? LastPath { get; init; }

    /// <summary><c>pageSize</c>: JSONPath to a boolean that is false on the last page (Zoho CRM: "$.info.more_records").</summary>
    public string? MorePath { get; init; }

    /// <summary><c>nextLink</c> / <c>nextUrl</c>: JSONPath to the URL of the next page; absent or empty ends paging.</summary>
    public string? NextPath { get; init; }

    /// <summary><c>offset</c>: query parameter carrying the number of records to skip.</summary>
    public string? OffsetParam { get; init; }

    /// <summary><c>cursor</c>: JSONPath to the cursor for the next page; absent or empty ends paging.</summary>
    public string? CursorPath { get; init; }

    /// <summary><c>cursor</c>: query parameter that carries the cursor on the next request.</summary>
    public string? CursorParam { get; init; }
}

/// <summary>Pagination styles a source understands (<see cref="PaginationSpec.Type"/>).</summary>
public static class PaginationTypes
{
    /// <summary>One request, no paging.</summary>
    public const string None = "none";

    /// <summary>Page number + page size query parameters (ClientSuccess v2 search).</summary>
    public const string PageSize = "pageSize";

    /// <summary>The response carries a link to the next page (Clari audit events' <c>nextLink</c>).</summary>
    public const string NextLink = "nextLink";

    /// <summary>Offset + limit query parameters.</summary>
    public const string Offset = "offset";

    /// <summary>The response carries an opaque cursor sent back as a query parameter.</summary>
    public const string Cursor = "cursor";

    /// <summary>The response carries the full URL of the next page.</summary>
    public const string NextUrl = "nextUrl";

    /// <summary>RFC 8288 <c>Link: &lt;...&gt;; rel="next"</c> response header.</summary>
    public const string LinkHeader = "linkHeader";

    /// <summary>Every pagination type.</summary>
    public static readonly IReadOnlyList<string> All = [None, PageSize, NextLink, Offset, Cursor, NextUrl, LinkHeader];
}
