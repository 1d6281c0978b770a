using System.Globalization;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Templates;

namespace FlowStudio.Engine.Pagination;

/// <summary>One response page as a strategy sees it, to decide on the next request.</summary>
internal sealed record PageOutcome(string Url, ApiResponse Response, ResponseDocument Document, int RecordCount);

/// <summary>
/// Builds the first page's URL and, from each page, the next one; null when the API signals the end.
/// The walker adds the guards every strategy shares (empty page, repeated page or URL, page cap).
/// </summary>
internal abstract class PageStrategy
{
    public static PageStrategy For(PaginationSpec? spec) => (spec?.Type ?? PaginationTypes.None) switch
    {
        PaginationTypes.None => new SinglePage(),
        PaginationTypes.PageSize => new PageNumber(spec!),
        PaginationTypes.Offset => new OffsetLimit(spec!),
        PaginationTypes.Cursor => new CursorParameter(spec!),
        PaginationTypes.NextLink => new NextUrlInBody(spec!.NextPath ?? "$.nextLink"),
        PaginationTypes.NextUrl => new NextUrlInBody(spec!.NextPath ?? "$.next"),
        PaginationTypes.LinkHeader => new NextUrlInLinkHeader(),
        var other => throw new ArgumentException($"Unknown pagination type '{other}'.", nameof(spec)),
    };

    public virtual string FirstUrl(string url) => url;

    public abstract string? NextUrl(PageOutcome page);

    protected static string Absolute(string currentUrl, string next) =>
        ApiUrls.IsAbsoluteHttp(next) ? next : new Uri(new Uri(currentUrl), next).AbsoluteUri;

    private sealed class SinglePage : PageStrategy
    {
        public override string? NextUrl(PageOutcome page) => null;
    }

    /// <summary>Page number + size; ends when <c>lastPath</c> is true, <c>morePath</c> is not true or a page is shorter than the size.</summary>
    private sealed class PageNumber(PaginationSpec spec) : PageStrategy
    {
        private readonly string _pageParam = spec.PageParam ?? "page";
        private int _page = spec.StartPage;

        public override string FirstUrl(string url)
        {
            var first = QueryString.Set(url, _pageParam, _page.ToString(CultureInfo.InvariantCulture));
            return spec.Size is { } size && spec.SizeParam is { } sizeParam
                ? QueryString.Set(first, sizeParam, size.ToString(CultureInfo.InvariantCulture))
                : first;
        }

        public override string? NextUrl(PageOutcome page)
        {
            if (page.Document.IsTrue(spec.LastPath) || (spec.MorePath is not null && !page.Document.IsTrue(spec.MorePath)))
            {
                return null;
            }

            if (spec.Size is { } size && page.RecordCount < size)
            {
                return null;
            }

            _page++;
            return QueryString.Set(page.Url, _pageParam, _page.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Offset + limit; the offset moves by the records received; ends on a short page.</summary>
    private sealed class OffsetLimit(PaginationSpec spec) : PageStrategy
    {
        private readonly string _offsetParam = spec.OffsetParam ?? "offset";
        private readonly string _limitParam = spec.SizeParam ?? "limit";
        private readonly int _size = spec.Size ?? 100;
        private long _offset;

        public override string FirstUrl(string url) =>
            QueryString.Set(
                QueryString.Set(url, _offsetParam, "0"),
                _limitParam,
                _size.ToString(CultureInfo.InvariantCulture));

        public override string? NextUrl(PageOutcome page)
        {
            if (page.RecordCount < _size)
            {
                return null;
            }

            _offset += page.RecordCount;
            return QueryString.Set(page.Url, _offsetParam, _offset.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Cursor read from the body and sent back as a query parameter; ends when it is absent or empty.</summary>
    private sealed class CursorParameter(PaginationSpec spec) : PageStrategy
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public override string? NextUrl(PageOutcome page)
        {
            var cursor = page.Document.Text(spec.CursorPath);
            if (string.IsNullOrEmpty(cursor) || !_seen.Add(cursor))
            {
                return null;
            }

            return QueryString.Set(page.Url, spec.CursorParam ?? "cursor", cursor);
        }
    }

    /// <summary>Next page's URL (absolute or relative) read from the body; ends when it is absent or empty.</summary>
    private sealed class NextUrlInBody(string nextPath) : PageStrategy
    {
        public override string? NextUrl(PageOutcome page)
        {
            var next = page.Document.Text(nextPath);
            return string.IsNullOrWhiteSpace(next) ? null : Absolute(page.Url, next.Trim());
        }
    }

    /// <summary>RFC 8288 <c>Link</c> header with <c>rel="next"</c>; ends when there is none.</summary>
    private sealed class NextUrlInLinkHeader : PageStrategy
    {
        public override string? NextUrl(PageOutcome page)
        {
            page.Response.Headers.TryGetValue("Link", out var header);
            var next = LinkHeader.Next(header);
            return string.IsNullOrWhiteSpace(next) ? null : Absolute(page.Url, next);
        }
    }
}
