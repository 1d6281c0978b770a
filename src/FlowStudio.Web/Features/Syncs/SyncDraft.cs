namespace FlowStudio.Web.Features.Syncs;

/// <summary>The sync as the editor holds it while the user works: nothing is stored until Save.</summary>
public sealed class SyncDraft
{
    /// <summary>The pull schedule a new sync starts with: hourly, as the service's default.</summary>
    public const string HourlyPulls = "0 * * * *";

    public const int DefaultPushSeconds = 60;

    public string? Name { get; set; }

    public string? ClientSuccessCredentialId { get; set; }

    public string? CrmCredentialId { get; set; }

    public SyncObjectDraft Clients { get; private init; } = new(SyncObject.Client);

    public SyncObjectDraft Contacts { get; private init; } = new(SyncObject.Contact);

    /// <summary>Whether contacts are synced at all (they need the clients).</summary>
    public bool SyncContacts { get; set; } = true;

    public string? PullSchedule { get; set; } = HourlyPulls;

    public int? PushIntervalSeconds { get; set; } = DefaultPushSeconds;

    public bool PropagateDeletes { get; set; }

    public SyncObjectDraft For(SyncObject obj) => obj == SyncObject.Client ? Clients : Contacts;

    public TwoWaySyncRequest ToRequest() => new(
        Name, ClientSuccessCredentialId, CrmCredentialId, Clients.ToRequest(), SyncContacts ? Contacts.ToRequest() : null,
        PullSchedule, PushIntervalSeconds, PropagateDeletes);

    /// <summary>A new sync with the proposed mappings and no import filter.</summary>
    public static SyncDraft New(string name, IReadOnlyList<SyncFieldRequest> clientFields, IReadOnlyList<SyncFieldRequest> contactFields)
    {
        var draft = new SyncDraft { Name = name };
        draft.Clients.Fields.AddRange(clientFields.Select(SyncFieldDraft.From));
        draft.Contacts.Fields.AddRange(contactFields.Select(SyncFieldDraft.From));
        return draft;
    }

    public static SyncDraft From(SyncView view) => new()
    {
        Name = view.Name,
        ClientSuccessCredentialId = view.ClientSuccessCredentialId,
        CrmCredentialId = view.CrmCredentialId,
        Clients = SyncObjectDraft.From(SyncObject.Client, view.Clients),
        Contacts = SyncObjectDraft.From(SyncObject.Contact, view.Contacts),
        SyncContacts = view.Contacts is not null,
        PullSchedule = view.PullSchedule,
        PushIntervalSeconds = view.PushIntervalSeconds,
        PropagateDeletes = view.PropagateDeletes,
    };
}
