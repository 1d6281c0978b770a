using System.Globalization;
using System.Text;
using FlowStudio.Engine.Http;
using Microsoft.Extensions.Options;

namespace FlowStudio.Application.Alerts;

/// <summary>
/// POSTs webhook alerts: the message as JSON, signed (<see cref="AlertSignature"/>), through the outbound guard every
/// outbound call passes. Redirects are not followed; any answer but 2xx is a failure.
/// </summary>
internal sealed class WebhookAlerts(HttpClient http, OutboundPolicy policy, IOptions<AlertOptions> options, TimeProvider time)
{
    public async Task SendAsync(long alertId, string url, string secret, string body, AlertEvent alertEvent, CancellationToken cancellationToken)
    {
        var uri = new Uri(url);
        if (policy.ProblemBeforeConnect(uri) is { } problem)
        {
            throw new AlertDeliveryException(problem, permanent: true);
        }

        var timestamp = AlertSignature.Timestamp(time.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(AlertSignature.EventHeader, AlertWords.Name(alertEvent));
        request.Headers.Add(AlertSignature.DeliveryHeader, alertId.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(AlertSignature.TimestampHeader, timestamp);
        request.Headers.Add(AlertSignature.SignatureHeader, AlertSignature.Sign(secret, timestamp, body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new AlertDeliveryException(string.Create(CultureInfo.InvariantCulture,
                    $"The webhook answered {(int)response.StatusCode} {response.ReasonPhrase}."));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AlertDeliveryException($"The webhook did not answer within {options.Value.Timeout.TotalSeconds:0} seconds.");
        }
        catch (HttpRequestException ex)
        {
            var refused = ex.InnerException as OutboundRefusedException ?? ex.InnerException?.InnerException as OutboundRefusedException;
            throw new AlertDeliveryException(refused?.Message ?? $"The webhook could not be reached: {(ex.InnerException ?? ex).Message}", permanent: refused is not null, ex);
        }
    }
}
