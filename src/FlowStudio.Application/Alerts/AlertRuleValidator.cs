using System.Globalization;
using System.Net.Mail;
using FlowStudio.Engine;
using FlowStudio.Engine.Http;

namespace FlowStudio.Application.Alerts;

/// <summary>Checks a rule request and names every field that is wrong, in plain words; the valid rule comes out clean.</summary>
internal static class AlertRuleValidator
{
    public const int MaxRecipients = 20;

    public const int MaxThreshold = 1_000_000_000;

    public static IReadOnlyList<FieldError> Validate(AlertRuleRequest request, OutboundPolicy policy, out ValidAlertRule? rule)
    {
        var errors = new List<FieldError>();
        rule = null;
        var alertEvent = AlertWords.Parse<AlertEvent>(request.Event);
        if (alertEvent is null)
        {
            errors.Add(new FieldError("event", $"Choose when to alert: {AlertWords.Choices<AlertEvent>()}."));
        }

        if (alertEvent == AlertEvent.FailedRecords && request.Threshold is not (>= 1 and <= MaxThreshold))
        {
            errors.Add(new FieldError("threshold", string.Create(CultureInfo.InvariantCulture,
                $"Say how many failed records are too many: a whole number from 1 to {MaxThreshold:N0} (the alert comes when a run has more).")));
        }

        var channel = AlertWords.Parse<AlertChannel>(request.Channel);
        if (channel is null)
        {
            errors.Add(new FieldError("channel", $"Choose how to send the alert: {AlertWords.Choices<AlertChannel>()}."));
        }

        var emailTo = channel == AlertChannel.Email ? Addresses(request.EmailTo, errors) : [];
        var webhookUrl = channel == AlertChannel.Webhook ? WebhookUrl(request.WebhookUrl, policy, errors) : null;
        if (errors.Count == 0)
        {
            rule = new ValidAlertRule(alertEvent!.Value, alertEvent == AlertEvent.FailedRecords ? request.Threshold : null, channel!.Value, emailTo, webhookUrl);
        }

        return errors;
    }

    private static List<string> Addresses(IReadOnlyList<string>? given, List<FieldError> errors)
    {
        var addresses = (given ?? []).Select(a => a?.Trim() ?? "").Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (addresses.Count == 0)
        {
            errors.Add(new FieldError("emailTo", "Give at least one email address to send the alert to."));
        }
        else if (addresses.Count > MaxRecipients)
        {
            errors.Add(new FieldError("emailTo", $"Send to at most {MaxRecipients} addresses (this has {addresses.Count}); a mailing list can reach more."));
        }

        foreach (var address in addresses.Where(a => !IsAddress(a)))
        {
            errors.Add(new FieldError("emailTo", $"“{Shorten(address)}” is not an email address (like ops@example.com)."));
        }

        return addresses;
    }

    /// <summary>A bare address (no display name), as people type it: name@domain.</summary>
    private static bool IsAddress(string text) =>
        text.Length <= 254 && MailAddress.TryCreate(text, out var address) && address.Address == text && address.DisplayName.Length == 0
        && MimeKit.MailboxAddress.TryParse(text, out _);

    private static string? WebhookUrl(string? given, OutboundPolicy policy, List<FieldError> errors)
    {
        var text = given?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(new FieldError("webhookUrl", "Give the URL the alert is POSTed to."));
            return null;
        }

        if (InputLimits.Check("webhookUrl", text, InputLimits.Url) is { } tooLong)
        {
            errors.Add(tooLong);
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Host.Length == 0)
        {
            errors.Add(new FieldError("webhookUrl", "Use a full http or https URL, like https://hooks.example.com/flowstudio."));
            return null;
        }

        if (policy.ProblemBeforeConnect(url) is { } problem)
        {
            errors.Add(new FieldError("webhookUrl", problem));
            return null;
        }

        return url.AbsoluteUri;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}

/// <summary>A rule request that passed <see cref="AlertRuleValidator"/>.</summary>
internal sealed record ValidAlertRule(AlertEvent Event, int? Threshold, AlertChannel Channel, IReadOnlyList<string> EmailTo, string? WebhookUrl);
