using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FlowStudio.Application.Alerts;

/// <summary>
/// Turns a finished run into the alerts its flow's rules call for, and sends one alert at a time: every attempt is
/// stored on the alert (status, attempts, the reason it failed), and a failed one is given a time to try again, later
/// each time, until <see cref="AlertOptions.Attempts"/> are used.
/// </summary>
internal sealed class AlertDispatcher(
    FlowStudioDb db, AlertComposer composer, WebhookSecrets secrets, EmailAlerts email, WebhookAlerts webhooks, FlowEvents events,
    IOptions<AlertOptions> options, TimeProvider time, ILogger<AlertDispatcher> logger)
{
    /// <summary>Stores an alert for each rule of the run's flow that fires; returns their ids, to send.</summary>
    public async Task<IReadOnlyList<long>> RaiseAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null || run.FinishedAt is null)
        {
            return [];
        }

        var sourceId = run.Kind == RunKind.Source
            ? run.ResourceId
            : await db.Destinations.AsNoTracking().Where(d => d.Id == run.ResourceId)
                .Join(db.Sources, d => d.DatasetId, s => s.DatasetId, (_, s) => s.Id).FirstOrDefaultAsync(cancellationToken);
        var source = sourceId is null ? null : await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sourceId, cancellationToken);
        if (source is null)
        {
            return [];
        }

        var rules = (await db.AlertRules.AsNoTracking().Where(r => r.SourceId == source.Id).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken))
            .Where(r => AlertComposer.Fires(r, run)).ToList();
        if (rules.Count == 0)
        {
            return [];
        }

        var resourceName = run.Kind == RunKind.Source
            ? source.Name
            : await db.Destinations.AsNoTracking().Where(d => d.Id == run.ResourceId).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken) ?? "(deleted)";
        var alerts = rules.Select(rule => NewAlert(rule, run.Id, composer.ForRun(rule, run, source, resourceName))).ToList();
        db.Alerts.AddRange(alerts);
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new FlowChange(FlowChangeKind.Alert, source.Id, run.Id));
        return [.. alerts.Select(a => a.Id)];
    }

    /// <summary>
    /// Tries to send the alert once. Returns when to try again, or null when it is done (sent, failed for good, out of
    /// attempts, or gone).
    /// </summary>
    public async Task<DateTime?> SendAsync(long alertId, CancellationToken cancellationToken)
    {
        var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == alertId, cancellationToken);
        if (alert is null || alert.Status == AlertStatus.Sent)
        {
            return null;
        }

        await AttemptAsync(alert, retry: true, cancellationToken);
        return alert.NextAttemptAt;
    }

    /// <summary>"Send test alert": a test message through the rule's channel, tried once, stored and returned; null when there is no such rule.</summary>
    public async Task<AlertView?> TestAsync(string sourceId, string ruleId, CancellationToken cancellationToken)
    {
        var rule = await db.AlertRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ruleId && r.SourceId == sourceId, cancellationToken);
        var source = rule is null ? null : await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sourceId, cancellationToken);
        if (rule is null || source is null)
        {
            return null;
        }

        var alert = NewAlert(rule, runId: null, composer.ForTest(rule, source));
        db.Alerts.Add(alert);
        await db.SaveChangesAsync(cancellationToken);
        await AttemptAsync(alert, retry: false, cancellationToken);
        return AlertView.From(alert);
    }

    private Alert NewAlert(AlertRule rule, string? runId, AlertMessage message) => new()
    {
        SourceId = rule.SourceId,
        RuleId = rule.Id,
        RunId = runId,
        Event = rule.Event,
        Threshold = rule.Threshold,
        Channel = rule.Channel,
        Recipient = rule.Channel == AlertChannel.Email
            ? string.Join(", ", AlertRuleService.EmailAddresses(rule))
            : new Uri(rule.WebhookUrl!).GetLeftPart(UriPartial.Path),
        PayloadJson = message.ToJson(),
        Status = AlertStatus.Pending,
        CreatedAt = time.GetUtcNow().UtcDateTime,
    };

    private async Task AttemptAsync(Alert alert, bool retry, CancellationToken cancellationToken)
    {
        alert.Attempts++;
        try
        {
            await DeliverAsync(alert, cancellationToken);
            alert.Status = AlertStatus.Sent;
            alert.SentAt = time.GetUtcNow().UtcDateTime;
            alert.Error = null;
            alert.NextAttemptAt = null;
        }
        catch (AlertDeliveryException ex)
        {
            var again = retry && !ex.Permanent && alert.Attempts < options.Value.Attempts;
            alert.Status = AlertStatus.Failed;
            alert.Error = ex.Message;
            alert.NextAttemptAt = again ? time.GetUtcNow().UtcDateTime + Backoff(alert.Attempts) : null;
            logger.LogWarning("Alert {AlertId} ({Channel}, attempt {Attempt}) failed{Retry}: {Reason}",
                alert.Id, alert.Channel, alert.Attempts, again ? ", tried again later" : "", ex.Message);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        events.Publish(new FlowChange(FlowChangeKind.Alert, alert.SourceId, alert.RunId));
    }

    private async Task DeliverAsync(Alert alert, CancellationToken cancellationToken)
    {
        var message = AlertMessage.FromJson(alert.PayloadJson);
        if (alert.Channel == AlertChannel.Email)
        {
            await email.SendAsync(message, alert.Recipient.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), cancellationToken);
            return;
        }

        var rule = await db.AlertRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == alert.RuleId, cancellationToken);
        if (rule is not { Channel: AlertChannel.Webhook, WebhookUrl: { } url, ProtectedWebhookSecret: { } protectedSecret })
        {
            throw new AlertDeliveryException("The rule was deleted or no longer sends to a webhook, so there is no URL and secret to send with.", permanent: true);
        }

        await webhooks.SendAsync(alert.Id, url, secrets.Read(protectedSecret), alert.PayloadJson, alert.Event, cancellationToken);
    }

    /// <summary>The wait after the <paramref name="attempts"/>th failed attempt: RetryDelay, then twice as long each time.</summary>
    private TimeSpan Backoff(int attempts) => options.Value.RetryDelay * Math.Pow(2, Math.Min(attempts - 1, 16));
}
