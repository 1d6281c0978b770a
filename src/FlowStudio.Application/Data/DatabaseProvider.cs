namespace FlowStudio.Application.Data;

/// <summary>Where the app keeps its data (<c>Database:Provider</c>): one SQLite file, or a PostgreSQL database that several instances can share.</summary>
internal enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
