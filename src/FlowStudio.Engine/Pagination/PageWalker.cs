using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Sources;
using Newtonsoft.Json.Linq;

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
    public async IAsyncEnumerable<FetchedPage> WalkAsync(
        Connection connection,
        SourceConfig config,
        string expandedUrl,
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

            object? document;
            ExtractedPage extracted;
            try
            {
                document = ResponseExtractor.Parse(response.Body);
                extracted = ResponseExtractor.Extract(document, config.DataPath, config.MetadataPath);
            }
            catch (ResponseFormatException ex)
            {
                throw new SourceRequestException(method.Method, url, response.StatusCode, response.Body, ex.Message, ex);
            }

            yield return new FetchedPage(url, response, extracted);
            if (extracted.Records.Count == 0 || pageNumber >= maxPages)
            {
                yield break;
            }

            var next = strategy.NextUrl(new PageOutcome(url, response, document as JToken, extracted.Records.Count));
            if (next is null || requested.Contains(next))
            {
                yield break;
            }

            url = next;
        }
    }

    private static string Hash(string body) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}
