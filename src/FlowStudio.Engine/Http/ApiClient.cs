using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using FlowStudio.Engine.Connectors;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace FlowStudio.Engine.Http;

/// <summary>
/// Sends every outbound call through one Polly pipeline: retries with exponential backoff and jitter on 408, 429, 5xx
/// and transient network faults (honouring Retry-After), a per-attempt timeout, and the caller's cancellation.
/// Adds the connector's auth headers, only to the credential's own origin (redirects and next-page links elsewhere get
/// none), and refreshes a ClientSuccess sign-in once on 401. Redirects are followed here (at most
/// <see cref="MaxRedirects"/>), each hop checked by the <see cref="OutboundPolicy"/> when there is one; response bodies
/// are capped at <c>maxResponseBytes</c>. Every attempt first waits on
/// the credential's <see cref="RetryOptions.RateBudget"/>, when there is one.
/// Never throws for an HTTP status or a network fault (see <see cref="ApiResponse.TransportError"/>);
/// throws <see cref="OperationCanceledException"/> when <c>cancellationToken</c> is cancelled.
/// </summary>
public sealed class ApiClient(
    HttpClient http,
    ConnectorAuthenticator auth,
    TimeProvider time,
    OutboundPolicy? policy = null,
    long maxResponseBytes = ApiClient.DefaultMaxResponseBytes)
{
    /// <summary>The largest response body read by default (32 MiB); a larger one is a transport error, never retried.</summary>
    public const long DefaultMaxResponseBytes = 32L * 1024 * 1024;

    /// <summary>How many redirects one request follows.</summary>
    public const int MaxRedirects = 5;

    private readonly ConcurrentDictionary<RetryOptions, Pipelines> _pipelines = new();

    /// <summary>Sends <paramref name="request"/> on <paramref name="connection"/> and returns the final response.</summary>
    public async Task<ApiResponse> SendAsync(
        Connection connection,
        ApiRequest request,
        RetryOptions? retry = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(request);
        retry ??= RetryOptions.Default;
        retry.Validate();
        var pipeline = _pipelines.GetOrAdd(retry, BuildPipeline);

        Task<ApiResponse> SendWithoutAuthAsync(ApiRequest signIn, CancellationToken token) =>
            SendWithRetryAsync(pipeline, retry, connection, signIn, [], token);

        var first = await auth.AuthorizeAsync(connection, SendWithoutAuthAsync, null, cancellationToken);
        if (first.Failure is { } signInFailed)
        {
            return SecretMask.Apply(signInFailed, first.Secrets);
        }

        var response = await SendWithRetryAsync(pipeline, retry, connection, request, first.Headers, cancellationToken);
        if (response.StatusCode != 401 || first.Token is not { } refused)
        {
            return SecretMask.Apply(response, first.Secrets);
        }

        var second = await auth.AuthorizeAsync(connection, SendWithoutAuthAsync, refused, cancellationToken);
        var secrets = first.Secrets.Concat(second.Secrets).ToList();
        var retried = second.Failure ?? await SendWithRetryAsync(pipeline, retry, connection, request, second.Headers, cancellationToken);
        return SecretMask.Apply(
            retried with { Attempts = response.Attempts + retried.Attempts, Duration = response.Duration + retried.Duration },
            secrets);
    }

    private async Task<ApiResponse> SendWithRetryAsync(
        Pipelines pipeline,
        RetryOptions options,
        Connection connection,
        ApiRequest request,
        IReadOnlyList<KeyValuePair<string, string>> authHeaders,
        CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var attempts = 0;
        try
        {
            var url = new Uri(ApiUrls.Resolve(connection.BaseUrl, request.Url), UriKind.Absolute);
            using var answer = await pipeline.Retry.ExecuteAsync(
                async token =>
                {
                    Interlocked.Increment(ref attempts);
                    if (options.RateBudget is { } budget)
                    {
                        await budget.WaitAsync(token);
                    }

                    return await pipeline.Attempt.ExecuteAsync(
                        attemptToken => new ValueTask<Answer>(SendFollowingRedirectsAsync(connection, url, request, authHeaders, attemptToken)),
                        token);
                },
                cancellationToken);
            return new ApiResponse(answer.Status, answer.Body, HeadersOf(answer.Message), time.GetElapsedTime(started), attempts, null);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTransportFault(ex))
        {
            var error = Describe(ex, options);
            if (ex is TimeoutRejectedException && attempts > 1)
            {
                // Each attempt waited that long: say so, or a test that took minutes would say it waited 30 s.
                error = FormattableString.Invariant($"No response within {options.AttemptTimeout.TotalSeconds:0.###} s, in each of {attempts} attempts.");
            }

            return new ApiResponse(0, string.Empty, new Dictionary<string, string>(), time.GetElapsedTime(started), attempts, error);
        }
    }

    // Redirects are followed here, not by the handler, so credential headers go only to the credential's own origin and
    // every hop passes the outbound guard.
    private async Task<Answer> SendFollowingRedirectsAsync(
        Connection connection,
        Uri url,
        ApiRequest request,
        IReadOnlyList<KeyValuePair<string, string>> authHeaders,
        CancellationToken cancellationToken)
    {
        var method = request.Method;
        var withBody = true;
        for (var hop = 0; ; hop++)
        {
            if (policy?.Problem(url) is { } problem)
            {
                throw new OutboundRefusedException(problem);
            }

            using var message = BuildMessage(url, method, request, withBody, connection.IsOwnOrigin(url) ? authHeaders : []);
            var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location && hop < MaxRedirects)
            {
                response.Dispose();
                url = location.IsAbsoluteUri ? location : new Uri(url, location);
                if (status == 303 || (status is 301 or 302 && method == HttpMethod.Post))
                {
                    method = HttpMethod.Get;
                    withBody = false;
                }

                continue;
            }

            try
            {
                return new Answer(response, await ResponseBody.ReadAsync(response.Content, maxResponseBytes, cancellationToken));
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
    }

    // Retries wrap each attempt; the rate budget is waited on between them, so only the request itself is timed out.
    private Pipelines BuildPipeline(RetryOptions options)
    {
        var builder = new ResiliencePipelineBuilder<Answer> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<Answer>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = new PredicateBuilder<Answer>()
                    .Handle<HttpRequestException>(ex => ex.InnerException is not OutboundRefusedException)
                    .Handle<TimeoutRejectedException>()
                    .Handle<TaskCanceledException>(ex => ex.InnerException is TimeoutException)
                    .HandleResult(answer => IsTransientStatus(answer.Status)),
                DelayGenerator = args => ValueTask.FromResult(
                    RetryAfter.From(args.Outcome.Result?.Message.Headers.RetryAfter, time.GetUtcNow(), options.MaxDelay)),
            });
        }

        var attempt = new ResiliencePipelineBuilder<Answer> { TimeProvider = time }.AddTimeout(options.AttemptTimeout).Build();
        return new Pipelines(builder.Build(), attempt);
    }

    private static bool IsTransientStatus(int status) => status is 408 or 429 || (status >= 500 && status is not 501 and not 505);

    private static bool IsTransportFault(Exception ex) =>
        ex is HttpRequestException or TimeoutRejectedException or OutboundRefusedException or ResponseTooLargeException or UriFormatException
        || (ex is TaskCanceledException && ex.InnerException is TimeoutException);

    private static string Describe(Exception ex, RetryOptions options) =>
        ex switch
        {
            TimeoutRejectedException => FormattableString.Invariant($"No response within {options.AttemptTimeout.TotalSeconds:0.###} s."),
            OutboundRefusedException or ResponseTooLargeException => ex.Message,
            HttpRequestException { InnerException: OutboundRefusedException or OutboundConnectException } => ex.InnerException.Message,
            UriFormatException => "The URL is not a valid absolute http(s) URL.",
            TaskCanceledException => "The HTTP client timed out.",
            HttpRequestException { InnerException: SocketException or IOException } => ex.Message,
            HttpRequestException { InnerException: { } inner } => $"{ex.Message} {inner.Message}",
            _ => ex.Message,
        };

    private static HttpRequestMessage BuildMessage(
        Uri url,
        HttpMethod method,
        ApiRequest request,
        bool withBody,
        IReadOnlyList<KeyValuePair<string, string>> authHeaders)
    {
        var message = new HttpRequestMessage(method, url);
        message.Headers.TryAddWithoutValidation("Accept", "application/json, */*;q=0.8");
        string? contentType = null;
        foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
                continue;
            }

            if (name.Equals("Accept", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.Accept.Clear();
            }

            message.Headers.TryAddWithoutValidation(name, value);
        }

        foreach (var (name, value) in authHeaders)
        {
            // A credential saved before its fields were checked could hold either; neither may reach the wire.
            if (RequestHeaderParser.ProblemWithName(name) is not null || value.Any(char.IsControl))
            {
                throw new OutboundRefusedException("The credential's header name or secret is not valid in a request header (a line break or control character?): edit the credential and save its fields again.");
            }

            message.Headers.Remove(name);
            message.Headers.TryAddWithoutValidation(name, value);
        }

        message.Content = withBody ? BuildContent(request, contentType) : null;
        return message;
    }

    private static HttpContent? BuildContent(ApiRequest request, string? contentType)
    {
        if (request.Body is null || request.BodyKind == RequestBodyKind.None)
        {
            return null;
        }

        if (request.BodyKind == RequestBodyKind.MultipartJsonFile)
        {
            var file = new StringContent(request.Body, Encoding.UTF8, "application/json");
            return new MultipartFormDataContent { { file, request.FilePartName, request.FilePartName + ".json" } };
        }

        var content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType, out var parsed)
                ? parsed
                : content.Headers.ContentType;
        }

        return content;
    }

    // The values as the server sent them: reading them unvalidated skips parsing every header into typed values.
    private static Dictionary<string, string> HeadersOf(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated)
        {
            headers[name] = values.ToString();
        }

        foreach (var (name, values) in response.Content.Headers.NonValidated)
        {
            headers[name] = values.ToString();
        }

        return headers;
    }

    private sealed record Pipelines(ResiliencePipeline<Answer> Retry, ResiliencePipeline<Answer> Attempt);

    // A response with its body read; retries dispose the ones they discard.
    private sealed class Answer(HttpResponseMessage message, string body) : IDisposable
    {
        public HttpResponseMessage Message { get; } = message;

        public string Body { get; } = body;

        public int Status => (int)Message.StatusCode;

        public void Dispose() => Message.Dispose();
    }
}
