using System.Globalization;
using System.Text;
using MimeKit;

namespace FlowStudio.Application.Alerts;

/// <summary>An alert as a plain-text email: a subject that says what happened in which flow, the facts, and the link.</summary>
internal static class AlertEmail
{
    public static MimeMessage Compose(AlertMessage message, string from, IEnumerable<string> to)
    {
        var mail = new MimeMessage { Subject = Subject(message), Body = new TextPart("plain") { Text = Text(message) } };
        mail.From.Add(MailboxAddress.Parse(from));
        foreach (var address in to)
        {
            mail.To.Add(MailboxAddress.Parse(address));
        }

        return mail;
    }

    public static string Subject(AlertMessage message)
    {
        var what = message.Event switch
        {
            AlertEvent.FailedRecords => "Records failed",
            AlertEvent.ZeroRecords => "Zero records read",
            _ => "Run failed",
        };
        return $"[FlowStudio] {(message.Test ? "Test alert: " : "")}{what} in “{message.Flow.Name}”";
    }

    public static string Text(AlertMessage message)
    {
        var text = new StringBuilder();
        text.AppendLine(message.Summary).AppendLine();
        if (message.Run is { } run)
        {
            var counts = message.Counts ?? new AlertCounts(0, 0, 0);
            text.AppendLine(CultureInfo.InvariantCulture, $"{(run.Kind == "source" ? "Source" : "Destination")}: {run.ResourceName}");
            text.AppendLine(CultureInfo.InvariantCulture, $"Status: {run.Status}");
            text.AppendLine(CultureInfo.InvariantCulture, $"Records read: {counts.Read:N0}");
            if (run.Kind != "source")
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"Records sent: {counts.Sent:N0}, failed: {counts.Failed:N0}");
            }

            if (run.Error is { } error)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"Error: {error}");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"Started: {run.StartedAt:yyyy-MM-dd HH:mm:ss} UTC");
            if (run.FinishedAt is { } finished)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"Finished: {finished:yyyy-MM-dd HH:mm:ss} UTC");
            }

            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Open the run: {message.Link}");
        }
        else
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Open the flow: {message.Link}");
        }

        text.AppendLine().Append(CultureInfo.InvariantCulture,
            $"You get this email because the flow “{message.Flow.Name}” has the alert rule “{message.Rule.Condition}”. Change it on the source's page in FlowStudio.");
        return text.ToString();
    }
}
