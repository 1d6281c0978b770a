namespace FlowStudio.Application.Syncs;

/// <summary>The two systems a sync keeps in step.</summary>
public enum SyncSide
{
    ClientSuccess,
    Crm,
}
