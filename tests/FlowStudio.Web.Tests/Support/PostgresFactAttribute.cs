namespace FlowStudio.Web.Tests.Support;

/// <summary>A test of PostgreSQL itself: it runs in the suite's PostgreSQL pass (<c>FLOWSTUDIO_TEST_DATABASE=postgres</c>) and is skipped in the SQLite one.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.IsPostgres)
        {
            Skip = "PostgreSQL only: runs with FLOWSTUDIO_TEST_DATABASE=postgres.";
        }
    }
}
