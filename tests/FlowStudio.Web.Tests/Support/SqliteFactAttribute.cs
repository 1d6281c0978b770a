namespace FlowStudio.Web.Tests.Support;

/// <summary>A test of SQLite's own files (WAL, checkpoints): it runs in the suite's SQLite pass and is skipped in the PostgreSQL one.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.IsPostgres)
        {
            Skip = "SQLite only: runs without FLOWSTUDIO_TEST_DATABASE=postgres.";
        }
    }
}
