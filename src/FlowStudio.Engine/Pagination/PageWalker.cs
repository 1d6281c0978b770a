using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Sources;

namespace FlowStudio.Engine.Pagination;

/// <summary>One page of a source read: where it came from and the records in it.</summary>
internal sealed record FetchedPage(string Url, ApiResponse Response, ExtractedPage Page);

/// <summary>
/// Requests page after page with the source's pagination strategy and stops on the API's end signal, an empty page,
/// a repeated page (same body as an earlier page, or a next URL already requested), or the page cap. The next page is
/// requested as soon as its URL is known, so it is on the wire while this page's records are made and used; only that
/// page and this one are held at a time.
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
        var requested = new HashSet<string>(StringComparer.Ordinal) { url };
        var bodies = new HashSet<UInt128>();
        var maxPages = Math.Max(1, config.MaxPages);
        var reading = new RecordReading(fields, lookupKey);

        // The request in flight; cancelled when the walk ends before it is read (an error, or a consumer that stopped).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<ApiResponse> Send(string at) =>
            api.SendAsync(connection, new ApiRequest(method, at, config.Headers, config.Body, bodyKind), retry, stop.Token);

        Task<ApiResponse>? sending = Send(url);
        try
        {
            for (var pageNumber = 1; ; pageNumber++)
            {
                var response = await sending;
                sending = null;
                onRequest?.Invoke(new RequestLogEntry(method.Method, url, response.StatusCode, (long)response.Duration.TotalMilliseconds));
                if (!response.IsSuccess)
                {
                    throw new SourceRequestException(method.Method, url, response.StatusCode, response.Body, response.TransportError);
                }

                if (!bodies.Add(XxHash128.HashToUInt128(MemoryMarshal.AsBytes(response.Body.AsSpan()))))
                {
                    yield break;
                }

                var (extracted, next) = Read(config, strategy, url, response, reading, last: pageNumber >= maxPages, next =>
                {
                    if (next is not null && requested.Add(next))
                    {
                        sending = Send(next);
                    }
                });

                yield return new FetchedPage(url, response, extracted);
                if (sending is null)
                {
                    yield break;
                }

                url = next!;
            }
        }
        finally
        {
            if (sending is not null)
            {
                await stop.CancelAsync();
                try
                {
                    await sending;
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
    }

    // The page's records and the next page's URL (null at the end), from one parse of the body. The records are made
    // after nextKnown got the URL, so the next page can be on the wire meanwhile.
    private static (ExtractedPage Page, string? Next) Read(
        SourceConfig config, PageStrategy strategy, string url, ApiResponse response, RecordReading reading, bool last, Action<string?> nextKnown)
    {
        try
        {
            using var document = ResponseDocument.Parse(response.Body);
            var extracted = ResponseExtractor.Extract(document, config.DataPath, config.MetadataPath, reading);
            var next = extracted.Count == 0 || last
                ? null
                : strategy.NextUrl(new PageOutcome(url, response, document, extracted.Count));
            nextKnown(next);
            _ = extracted.Records;
            return (extracted, next);
        }
        catch (ResponseFormatException ex)
        {
            throw new SourceRequestException(config.Method.Trim().ToUpperInvariant(), url, response.StatusCode, response.Body, ex.Message, ex);
        }
    }
}
