namespace FlowStudio.Application.Data;

/// <summary>What a user may do; each role can do everything the ones before it can.</summary>
internal enum AccountRole
{
    /// <summary>Reads sources, destinations, lookups, runs, records and the masked credential list.</summary>
    Viewer = 0,

    /// <summary>Also builds and runs: creates, edits, tests, runs and deletes sources, destinations and lookups.</summary>
    Editor = 1,

    /// <summary>Also manages users, credentials and settings, and reads the audit log.</summary>
    Owner = 2,
}
