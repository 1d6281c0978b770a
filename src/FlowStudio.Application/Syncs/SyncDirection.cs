namespace FlowStudio.Application.Syncs;

/// <summary>Which way data goes: push is ClientSuccess to the CRM, pull the CRM to ClientSuccess.</summary>
public enum SyncDirection
{
    Push,
    Pull,
    PushAndPull,
}
