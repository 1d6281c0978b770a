using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using FlowStudio.Engine.Connectors;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace FlowStudio.Engine.Http;

/// <summary>
/// Sends every outbound call through one Polly pipeline: retries with exponential backoff and jitter on 408, 429, 5xx
/// and transient network faults (honouring Retry-After), a per-attempt timeout, and the caller's cancellation.
/// Adds the connector's auth headers and refreshes a ClientSuccess sign-in once on 401. Every attempt first waits on
/// the credential's <see cref="RetryOptions.RateBudget"/>, when there is one.
/// Never throws for an HTTP status or a network fault (see <see cref="ApiResponse.TransportError"/>);
/// throws <see cref="OperationCanceledException"/> when <c>cancellationToken</c> is cancelled.
/// </summary>
public sealed class ApiClient(HttpClient http, ConnectorAuthenticator auth, TimeProvider time)
{
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
        var url = ApiUrls.Resolve(connection.BaseUrl, request.Url);
        var started = time.GetTimestamp();
        var attempts = 0;
        try
        {
            using var response = await pipeline.Retry.ExecuteAsync(
                async token =>
                {
                    Interlocked.Increment(ref attempts);
                    if (options.RateBudget is { } budget)
                    {
                        await budget.WaitAsync(token);
                    }

                    return await pipeline.Attempt.ExecuteAsync(
                        async attemptToken =>
                        {
                            using var message = BuildMessage(url, request, authHeaders);
                            return await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, attemptToken);
                        },
                        token);
                },
                cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new ApiResponse((int)response.StatusCode, body, HeadersOf(response), time.GetElapsedTime(started), attempts, null);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTransportFault(ex))
        {
            return new ApiResponse(0, string.Empty, new Dictionary<string, string>(), time.GetElapsedTime(started), attempts, Describe(ex, options));
        }
    }

    // Retries wrap each attempt; the rate budget is waited on between them, so only the request itself is timed out.
    private Pipelines BuildPipeline(RetryOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .Handle<TaskCanceledException>(ex => ex.InnerException is TimeoutException)
                    .HandleResult(response => IsTransientStatus((int)response.StatusCode)),
                DelayGenerator = args => ValueTask.FromResult(
                    RetryAfter.From(args.Outcome.Result?.Headers.RetryAfter, time.GetUtcNow(), options.MaxDelay)),
            });
        }

        var attempt = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }.AddTimeout(options.AttemptTimeout).Build();
        return new Pipelines(builder.Build(), attempt);
    }

    private static bool IsTransientStatus(int status) => status is 408 or 429 || (status >= 500 && status is not 501 and not 505);

    private static bool IsTransportFault(Exception ex) =>
        ex is HttpRequestException or TimeoutRejectedException || (ex is TaskCanceledException && ex.InnerException is TimeoutException);

    private static string Describe(Exception ex, RetryOptions options) =>
        ex switch
        {
            TimeoutRejectedException => FormattableString.Invariant($"No response within {options.AttemptTimeout.TotalSeconds:0.###} s."),
            TaskCanceledException => "The HTTP client timed out.",
            HttpRequestException { InnerException: { } inner } => $"{ex.Message} {inner.Message}",
            _ => ex.Message,
        };

    private static HttpRequestMessage BuildMessage(string url, ApiRequest request, IReadOnlyList<KeyValuePair<string, string>> authHeaders)
    {
        var message = new HttpRequestMessage(request.Method, url);
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
            message.Headers.Remove(name);
            message.Headers.TryAddWithoutValidation(name, value);
        }

        message.Content = BuildContent(request, contentType);
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

    private sealed record Pipelines(ResiliencePipeline<HttpResponseMessage> Retry, ResiliencePipeline<HttpResponseMessage> Attempt);
}
