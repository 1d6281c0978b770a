namespace FlowStudio.Application.Syncs;

/// <summary>What a sync pairs: ClientSuccess clients with CRM accounts, contacts with contacts.</summary>
public enum SyncObject
{
    Client,
    Contact,
}
