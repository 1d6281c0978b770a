using System.Text;

namespace FlowStudio.Bench;

/// <summary>The baseline: the same request bodies written straight to text and POSTed with a plain HttpClient loop.</summary>
internal sealed class RawDelivery(Uri url) : IDisposable
{
    public const string ApiKey = "clari-sandbox-key";
    public const string PartnerKey = "clari-sandbox-partner";

    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public async Task DeliverAsync(long count, CancellationToken cancellationToken)
    {
        var body = new StringBuilder(16 * 1024);
        for (long first = 1; first <= count; first += BenchOptions.BatchSize)
        {
            var size = (int)Math.Min(BenchOptions.BatchSize, count - first + 1);
            ClariRecords.WriteBatch(body, first, size);
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json") };
            request.Headers.Add("apikey", ApiKey);
            request.Headers.Add("partnerkey", PartnerKey);
            using var response = await _http.SendAsync(request, cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"The sandbox answered {(int)response.StatusCode}: {answer}");
            }
        }
    }

    /// <summary>The body the raw loop sends for the first <paramref name="count"/> records.</summary>
    public static string FirstBody(int count)
    {
        var body = new StringBuilder();
        ClariRecords.WriteBatch(body, 1, count);
        return body.ToString();
    }

    public void Dispose() => _http.Dispose();
}
