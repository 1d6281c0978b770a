using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Sources;

namespace FlowStudio.Engine.Pagination;

/// <summary>One page of a source read: where it came from and the records in it.</summary>
internal sealed record FetchedPage(string Url, ApiResponse Response, ExtractedPage Page);

/// <summary>
/// Requests page after page with the source's pagination strategy and stops on the API's end signal, an empty page,
/// a repeated page (same body as an earlier page, or a next URL already requested), or the page cap. Only one page
/// is held at a time.
/// </summary>
internal sealed class PageWalker(ApiClient api, RetryOptions? retry)
{
    /// <summary>
    /// The pages from <paramref name="expandedUrl"/> on. Each record keeps the text of <paramref name="fields"/> and, for a
    /// lookup row, carries <paramref name="lookupKey"/>.
    /// </summary>
    public async IAsyncEnumerable<FetchedPage> WalkAsync(
        Connection connection,
        SourceConfig config,
        string expandedUrl,
        IReadOnlyList<string> fields,
        string? lookupKey,
        Action<RequestLogEntry>? onRequest,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var strategy = PageStrategy.For(config.Pagination);
        var method = new HttpMethod(config.Method.Trim().ToUpperInvariant());
        var bodyKind = string.IsNullOrWhiteSpace(config.Body) ? RequestBodyKind.None : RequestBodyKind.Json;
        var url = strategy.FirstUrl(ApiUrls.Resolve(connection.BaseUrl, expandedUrl));
        var requested = new HashSet<string>(StringComparer.Ordinal);
        var bodies = new HashSet<string>(StringComparer.Ordinal);
        var maxPages = Math.Max(1, config.MaxPages);
        var reading = new RecordReading(fields, lookupKey);

        for (var pageNumber = 1; ; pageNumber++)
        {
            requested.Add(url);
            var request = new ApiRequest(method, url, config.Headers, config.Body, bodyKind);
            var response = await api.SendAsync(connection, request, retry, cancellationToken);
            onRequest?.Invoke(new RequestLogEntry(method.Method, url, response.StatusCode, (long)response.Duration.TotalMilliseconds));
            if (!response.IsSuccess)
            {
                throw new SourceRequestException(method.Method, url, response.StatusCode, response.Body, response.TransportError);
            }

            if (!bodies.Add(Hash(response.Body)))
            {
                yield break;
            }

            var (extracted, next) = Read(config, strategy, url, response, reading, last: pageNumber >= maxPages);
            yield return new FetchedPage(url, response, extracted);
            if (next is null || requested.Contains(next))
            {
                yield break;
            }

            url = next;
        }
    }

    // The page's records and the next page's URL (null at the end), from one parse of the body.
    private static (ExtractedPage Page, string? Next) Read(
        SourceConfig config, PageStrategy strategy, string url, ApiResponse response, RecordReading reading, bool last)
    {
        try
        {
            using var document = ResponseDocument.Parse(response.Body);
            var extracted = ResponseExtractor.Extract(document, config.DataPath, config.MetadataPath, reading);
            var next = extracted.Records.Count == 0 || last
                ? null
                : strategy.NextUrl(new PageOutcome(url, response, document, extracted.Records.Count));
            return (extracted, next);
        }
        catch (ResponseFormatException ex)
        {
            throw new SourceRequestException(config.Method.Trim().ToUpperInvariant(), url, response.StatusCode, response.Body, ex.Message, ex);
        }
    }

    // The body's UTF-16 code units hashed as they are: equal bodies, equal hashes, with no copy to UTF-8.
    private static string Hash(string body) => Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(body.AsSpan())));
}
