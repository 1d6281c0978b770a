namespace FlowStudio.Application.Syncs;

/// <summary>Whether a CRM record is imported when any or all of the import filter's conditions hold.</summary>
public enum SyncFilterMatch
{
    Any,
    All,
}
