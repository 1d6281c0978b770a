using System.Globalization;

namespace FlowStudio.Application.Alerts;

/// <summary>Writes an alert's message: about a finished run, or a test that shows how the rule's alerts will look.</summary>
internal sealed class AlertComposer(AlertLinks links, TimeProvider time)
{
    /// <summary>Whether <paramref name="rule"/> fires for the finished <paramref name="run"/>.</summary>
    public static bool Fires(AlertRule rule, Run run) => rule.Event switch
    {
        AlertEvent.RunFailed => run.Status == RunStatus.Failed,
        AlertEvent.FailedRecords => run.RecordsFailed > (rule.Threshold ?? long.MaxValue),
        AlertEvent.ZeroRecords => run.Kind == RunKind.Source && run.Status == RunStatus.Succeeded && run.RecordsRead == 0,
        _ => false,
    };

    public AlertMessage ForRun(AlertRule rule, Run run, Source source, string resourceName)
    {
        var what = $"{(run.Kind == RunKind.Source ? "the source" : "the destination")} “{resourceName}”";
        var summary = rule.Event switch
        {
            AlertEvent.FailedRecords => string.Create(CultureInfo.InvariantCulture,
                $"{run.RecordsFailed:N0} records failed in a run of {what}, more than the {rule.Threshold:N0} the alert allows."),
            AlertEvent.ZeroRecords => $"A run of {what} read zero records.",
            _ => $"A run of {what} failed.",
        };
        return new AlertMessage(
            rule.Event,
            Test: false,
            summary,
            new AlertFlow(source.Id, source.Name),
            Facts(rule),
            new AlertRunFacts(run.Id, run.Kind.ToWord(), run.ResourceId, resourceName, run.Status.ToWord(), run.Error, run.StartedAt, run.FinishedAt),
            new AlertCounts(run.RecordsRead, run.RecordsSent, run.RecordsFailed),
            links.Run(run.Id),
            run.FinishedAt ?? time.GetUtcNow().UtcDateTime);
    }

    public AlertMessage ForTest(AlertRule rule, Source source) => new(
        rule.Event,
        Test: true,
        $"Test alert for the flow “{source.Name}”: when {Lower(AlertWords.Condition(rule.Event, rule.Threshold))}, alerts arrive like this one.",
        new AlertFlow(source.Id, source.Name),
        Facts(rule),
        Run: null,
        Counts: null,
        links.Source(source.Id),
        time.GetUtcNow().UtcDateTime);

    private static AlertRuleFacts Facts(AlertRule rule) => new(rule.Id, AlertWords.Condition(rule.Event, rule.Threshold), rule.Threshold);

    private static string Lower(string sentence) => char.ToLowerInvariant(sentence[0]) + sentence[1..];
}
