using FlowStudio.Web.Infrastructure;

namespace FlowStudio.Web.Features.Webhooks;

/// <summary>POST /api/webhooks/{sourceId}: other systems push a JSON record or an array of records into a webhook source's dataset.</summary>
internal static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this RouteGroupBuilder api)
    {
        api.MapPost("/webhooks/{sourceId}", ReceiveAsync).WithName("ReceiveWebhook").WithTags("Webhooks")
            .AllowAnonymous(); // callers prove themselves with the source's X-Webhook-Token
        return api;
    }

    private static async Task<IResult> ReceiveAsync(string sourceId, HttpRequest request, WebhookReceiver receiver, CancellationToken cancellationToken)
    {
        var outcome = await receiver.ReceiveAsync(
            sourceId,
            request.Headers["X-Webhook-Token"].ToString(),
            request.Headers[WebhookReceiver.IdempotencyHeader].ToString(),
            request.ContentLength,
            request.Body,
            cancellationToken);
        return outcome switch
        {
            WebhookOutcome.NotFound => ApiProblems.NotFound("Webhook source", sourceId),
            WebhookOutcome.WrongToken => TypedResults.Problem(
                detail: "Send the source's token in the X-Webhook-Token header.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized."),
            WebhookOutcome.Paused paused => TypedResults.Problem(
                detail: $"The webhook source “{paused.SourceName}” is paused: activate it (Activate in its resource menu, or POST /api/sources/{sourceId}/activate) to receive records again.",
                statusCode: StatusCodes.Status409Conflict,
                title: "The source is paused."),
            WebhookOutcome.Invalid invalid => ApiProblems.Invalid(invalid.Field, invalid.Message, invalid.StatusCode),
            WebhookOutcome.Duplicate => TypedResults.Ok(new { received = 0, duplicate = true }),
            WebhookOutcome.Received received => TypedResults.Accepted((string?)null, new { received = received.Count }),
            _ => throw new InvalidOperationException($"Unknown webhook outcome {outcome}."),
        };
    }
}
