using FlowStudio.Engine;
using FlowStudio.Engine.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Syncs;

/// <summary>Checks a whole <see cref="TwoWaySyncRequest"/>, every field's problem at once, into the settings that are stored.</summary>
internal sealed class SyncValidator(FlowStudioDb db, SyncObjectValidator objects)
{
    public const string DefaultPullSchedule = "0 * * * *";
    public const int DefaultPushIntervalSeconds = 60;
    public const int MaxPushIntervalSeconds = 86_400;

    public async Task<(SyncSettings? Settings, List<FieldError> Errors)> CheckAsync(TwoWaySyncRequest request, string? id, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            errors.Add(new("name", "Give a name of 1 to 100 characters."));
        }
        else if (InputLimits.ControlCharacters("name", name) is { } control)
        {
            errors.Add(control);
        }
        else if (await db.Syncs.AnyAsync(s => s.Name == name && s.Id != id, cancellationToken))
        {
            errors.Add(new("name", $"A sync named '{name}' already exists: choose another name."));
        }

        await CheckCredentialAsync("clientSuccessCredentialId", request.ClientSuccessCredentialId, "clientsuccess", "a ClientSuccess", errors, cancellationToken);
        await CheckCredentialAsync("crmCredentialId", request.CrmCredentialId, "zoho", "a Zoho CRM", errors, cancellationToken);

        var clients = request.Clients is null ? null : objects.Check(SyncObject.Client, request.Clients, "clients", errors);
        var contacts = request.Contacts is null ? null : objects.Check(SyncObject.Contact, request.Contacts, "contacts", errors);
        if (request.Clients is null && request.Contacts is null)
        {
            errors.Add(new("clients", "Sync clients, contacts or both: give their settings."));
        }
        else if (request.Clients is null)
        {
            errors.Add(new("clients", "Contacts are synced with clients: a contact's client comes from its CRM account's pair. Give the clients' settings too."));
        }

        var cron = string.IsNullOrWhiteSpace(request.PullSchedule) ? DefaultPullSchedule : request.PullSchedule.Trim();
        if (CronExpression.Parse(cron).Problem is { } problem)
        {
            errors.Add(new("pullSchedule", problem));
        }

        var interval = request.PushIntervalSeconds ?? DefaultPushIntervalSeconds;
        if (interval is < 1 or > MaxPushIntervalSeconds)
        {
            errors.Add(new("pushIntervalSeconds", $"Push every 1 to {MaxPushIntervalSeconds:N0} seconds; {interval:N0} is out of range."));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new SyncSettings(name, request.ClientSuccessCredentialId!.Trim(), request.CrmCredentialId!.Trim(), clients, contacts, cron, interval, request.PropagateDeletes ?? false), errors);
    }

    private async Task CheckCredentialAsync(string field, string? id, string connector, string what, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var credential = string.IsNullOrWhiteSpace(id) ? null : await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id.Trim(), cancellationToken);
        if (credential is null)
        {
            errors.Add(new(field, string.IsNullOrWhiteSpace(id) ? $"Choose {what} credential." : $"Credential '{id}' does not exist."));
        }
        else if (credential.Connector != connector)
        {
            errors.Add(new(field, $"“{credential.Name}” is a {credential.Connector} credential; choose {what} credential."));
        }
    }
}

/// <summary>A checked <see cref="TwoWaySyncRequest"/>.</summary>
internal sealed record SyncSettings(
    string Name, string ClientSuccessCredentialId, string CrmCredentialId, SyncObjectConfig? Clients, SyncObjectConfig? Contacts,
    string PullCron, int PushIntervalSeconds, bool PropagateDeletes);
