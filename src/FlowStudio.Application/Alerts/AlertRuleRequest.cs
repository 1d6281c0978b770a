namespace FlowStudio.Application.Alerts;

/// <summary>
/// A new or edited alert rule, as the API and the screens send it. <paramref name="Event"/> is <c>runFailed</c>,
/// <c>failedRecords</c> (with <paramref name="Threshold"/>) or <c>zeroRecords</c>; <paramref name="Channel"/> is
/// <c>email</c> (with <paramref name="EmailTo"/>) or <c>webhook</c> (with <paramref name="WebhookUrl"/>; FlowStudio makes
/// the signing secret, and a new one when <paramref name="RotateSecret"/> is true).
/// </summary>
internal sealed record AlertRuleRequest(
    string? Event,
    int? Threshold,
    string? Channel,
    IReadOnlyList<string>? EmailTo,
    string? WebhookUrl,
    bool RotateSecret = false);
