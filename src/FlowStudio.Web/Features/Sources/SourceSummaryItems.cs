using FlowStudio.Engine.Macros;
using FlowStudio.Engine.Scheduling;
using FlowStudio.Engine.Templates;
using FlowStudio.Web.Features.Connectors;
using FlowStudio.Web.Features.Credentials;
using FlowStudio.Web.Infrastructure;

namespace FlowStudio.Web.Features.Sources;

/// <summary>A saved source's configuration in words, for the source page. Header values are masked: they may carry keys.</summary>
internal static class SourceSummaryItems
{
    public static IReadOnlyList<SummaryItem> For(SourceView source, CredentialView? credential, DateTimeOffset now)
    {
        var items = new List<SummaryItem>
        {
            new("Connector", ConnectorCatalog.Find(source.Connector)?.Name ?? source.Connector ?? ""),
        };
        if (source.Kind == SourceKind.Webhook)
        {
            items.Add(new("State", SourceStateWords.For(source.Kind, source.Status)));
            items.Add(new("Webhook URL", source.WebhookUrl ?? "", true));
            items.Add(new("Token", source.WebhookToken ?? "", true));
            return items;
        }

        items.Add(new("Credential", credential?.Name ?? "(deleted)"));
        if (source.TemplateName is not null)
        {
            items.Add(new("Endpoint", source.TemplateName));
            items.AddRange(source.Parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => new SummaryItem(p.Key, p.Value!, true)));
        }
        else if (source.Manual is { } manual)
        {
            items.Add(new("Endpoint", "Manual"));
            items.Add(new("Method", manual.Method ?? "GET"));
            items.Add(new("API URL", manual.Url ?? "", true));
            items.Add(manual.DataPath is null ? new("Path to data", "The whole response") : new("Path to data", manual.DataPath, true));
            if (manual.MetadataPath is not null)
            {
                items.Add(new("Path to metadata", manual.MetadataPath, true));
            }

            if (manual.Headers is { Count: > 0 } headers)
            {
                items.Add(new("Request headers", string.Join(", ", headers.Keys.Select(h => $"{h}: {SecretMask.Bullets}")), true));
            }

            if (MacroDateFormats.All.FirstOrDefault(f => f.Id == manual.DateFormat) is { } format)
            {
                items.Add(new("Date format", format.Label));
            }

            if (MacroTimeUnits.All.FirstOrDefault(u => string.Equals(u.Id, manual.TimeUnit, StringComparison.OrdinalIgnoreCase)) is { } unit)
            {
                items.Add(new("Time unit", unit.Label));
            }

            var pagination = (manual.Pagination ?? PaginationSpec.None).Type;
            items.Add(new("Pagination", PaginationDraft.Describe(pagination)));
        }

        if (source.CursorField is { } cursorField)
        {
            items.Add(new("Cursor field", cursorField, true));
            items.Add(new("Cursor", source.Cursor ?? "Nothing read yet", source.Cursor is not null));
        }

        items.Add(new("Schedule", ScheduleDraft.Describe(source.Schedule)));
        if (source.ScheduleProblem is { } problem)
        {
            items.Add(new("Schedule problem", problem));
        }
        else if (source.Schedule is { Kind: RunSchedule.CronKind } cron)
        {
            items.Add(new("Next runs", $"{cron.TimeZone ?? ScheduleTimeZone.Default} time:") { Lines = ScheduleRuns.Next(cron.Cron, cron.TimeZone, now) });
        }
        return items;
    }
}
