using FlowStudio.Engine.Http;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Alerts;

/// <summary>A flow's alert rules (they belong to its source): list, add, edit and delete, and the alerts a run caused.</summary>
internal sealed class AlertRuleService(FlowStudioDb db, WebhookSecrets secrets, OutboundPolicy policy, TimeProvider time)
{
    /// <summary>The source's rules, oldest first, each with its newest alert; null when the source does not exist.</summary>
    public async Task<IReadOnlyList<AlertRuleView>?> ListAsync(string sourceId, CancellationToken cancellationToken)
    {
        if (!await db.Sources.AnyAsync(s => s.Id == sourceId, cancellationToken))
        {
            return null;
        }

        var rules = await db.AlertRules.AsNoTracking().Where(r => r.SourceId == sourceId)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var ids = rules.Select(r => r.Id).ToList();
        var newest = await db.Alerts.AsNoTracking().Where(a => a.RuleId != null && ids.Contains(a.RuleId))
            .GroupBy(a => a.RuleId).Select(g => g.Max(a => a.Id)).ToListAsync(cancellationToken);
        var last = await db.Alerts.AsNoTracking().Where(a => newest.Contains(a.Id)).ToDictionaryAsync(a => a.RuleId!, cancellationToken);
        return [.. rules.Select(r => ToView(r) with { LastAlert = last.TryGetValue(r.Id, out var alert) ? AlertView.From(alert) : null })];
    }

    public async Task<AlertRuleChange> CreateAsync(string sourceId, AlertRuleRequest request, CancellationToken cancellationToken)
    {
        if (!await db.Sources.AnyAsync(s => s.Id == sourceId, cancellationToken))
        {
            return AlertRuleChange.NotFound;
        }

        var errors = AlertRuleValidator.Validate(request, policy, out var valid);
        if (valid is null)
        {
            return AlertRuleChange.Invalid(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var rule = new AlertRule { Id = ResourceIds.New("alert"), SourceId = sourceId, CreatedAt = now, UpdatedAt = now };
        var secret = Apply(rule, valid, rotateSecret: false);
        db.AlertRules.Add(rule);
        await db.SaveChangesAsync(cancellationToken);
        return AlertRuleChange.Saved(ToView(rule) with { WebhookSecret = secret });
    }

    /// <summary>
    /// Replaces the rule's settings. A webhook rule keeps its secret unless <see cref="AlertRuleRequest.RotateSecret"/>
    /// asks for a new one; a rule that becomes a webhook gets one. A new secret is in the answer, once.
    /// </summary>
    public async Task<AlertRuleChange> UpdateAsync(string sourceId, string ruleId, AlertRuleRequest request, CancellationToken cancellationToken)
    {
        var rule = await db.AlertRules.FirstOrDefaultAsync(r => r.Id == ruleId && r.SourceId == sourceId, cancellationToken);
        if (rule is null)
        {
            return AlertRuleChange.NotFound;
        }

        var errors = AlertRuleValidator.Validate(request, policy, out var valid);
        if (valid is null)
        {
            return AlertRuleChange.Invalid(errors);
        }

        var secret = Apply(rule, valid, request.RotateSecret);
        rule.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return AlertRuleChange.Saved(ToView(rule) with { WebhookSecret = secret });
    }

    /// <summary>Deletes the rule; the alerts it sent stay listed on their runs. False when there is no such rule.</summary>
    public async Task<bool> DeleteAsync(string sourceId, string ruleId, CancellationToken cancellationToken) =>
        await db.AlertRules.Where(r => r.Id == ruleId && r.SourceId == sourceId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>The alerts the run caused, oldest first; null when the run does not exist.</summary>
    public async Task<IReadOnlyList<AlertView>?> RunAlertsAsync(string runId, CancellationToken cancellationToken)
    {
        if (!await db.Runs.AnyAsync(r => r.Id == runId, cancellationToken))
        {
            return null;
        }

        var alerts = await db.Alerts.AsNoTracking().Where(a => a.RunId == runId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return [.. alerts.Select(AlertView.From)];
    }

    /// <summary>Copies the valid settings onto the rule; returns the new webhook secret when one was made.</summary>
    private string? Apply(AlertRule rule, ValidAlertRule valid, bool rotateSecret)
    {
        rule.Event = valid.Event;
        rule.Threshold = valid.Threshold;
        rule.Channel = valid.Channel;
        rule.EmailTo = valid.Channel == AlertChannel.Email ? string.Join(",", valid.EmailTo) : null;
        rule.WebhookUrl = valid.WebhookUrl;
        if (valid.Channel != AlertChannel.Webhook)
        {
            rule.ProtectedWebhookSecret = null;
            return null;
        }

        if (rule.ProtectedWebhookSecret is not null && !rotateSecret)
        {
            return null;
        }

        var (secret, protectedSecret) = secrets.Create();
        rule.ProtectedWebhookSecret = protectedSecret;
        return secret;
    }

    private static AlertRuleView ToView(AlertRule rule) => new(
        rule.Id, rule.SourceId, rule.Event, rule.Threshold, rule.Channel, EmailAddresses(rule), rule.WebhookUrl,
        AlertWords.Condition(rule.Event, rule.Threshold), rule.CreatedAt, rule.UpdatedAt);

    public static IReadOnlyList<string> EmailAddresses(AlertRule rule) =>
        rule.EmailTo?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
