using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Credentials;

/// <summary>
/// Takes requests from a credential's budget in the database (<see cref="StoredRateBudget"/>) with one atomic statement,
/// on SQLite (3.35+: RETURNING) and PostgreSQL alike, so instances sharing the database never hand out the same slot.
/// Time is the database's, read as the statement runs (after any wait for a lock): the instances' clocks need not agree
/// and a slow statement does not hand out slots that have already gone by.
/// </summary>
internal sealed class RateBudgetStore(IServiceScopeFactory scopes, TimeProvider time)
{
    // NOW_US: the database's clock in UTC microseconds since the Unix epoch, the same all through the statement.
    // The inserted "NextFreeUs" less the span is the earliest start a quiet spell allows: now less the burst.
    private const string Take = """
        INSERT INTO "RateBudgets" ("Key", "NextFreeUs", "UpdatedAt") VALUES ({0}, NOW_US - {1} + {2}, {3})
        ON CONFLICT ("Key") DO UPDATE SET
            "NextFreeUs" = CASE WHEN "RateBudgets"."NextFreeUs" > excluded."NextFreeUs" - {2} THEN "RateBudgets"."NextFreeUs" ELSE excluded."NextFreeUs" - {2} END + {2},
            "UpdatedAt" = excluded."UpdatedAt"
        RETURNING "NextFreeUs" - NOW_US AS "Value"
        """;

    // SQLite's 'now' has millisecond precision and holds for one step of a statement (a retry after SQLITE_BUSY reads it again).
    private static readonly string SqliteTake = Take.Replace("NOW_US", "CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER)", StringComparison.Ordinal);

    private static readonly string PostgresTake = Take.Replace("NOW_US", "CAST(EXTRACT(EPOCH FROM statement_timestamp()) * 1000000 AS bigint)", StringComparison.Ordinal);

    /// <summary>
    /// Moves the budget <paramref name="key"/> on by <paramref name="spanUs"/> microseconds of requests, starting no earlier
    /// than <paramref name="burstUs"/> before now (a quiet spell refills no more than the burst), and returns in how many
    /// microseconds from now the slots taken end: they are the <paramref name="spanUs"/> microseconds before that.
    /// </summary>
    public async Task<long> TakeAsync(string key, long burstUs, long spanUs, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
        var ends = await db.Database.SqlQueryRaw<long>(db.Database.IsNpgsql() ? PostgresTake : SqliteTake, key, burstUs, spanUs, time.GetUtcNow().UtcDateTime)
            .ToListAsync(cancellationToken);
        return ends.Single();
    }
}
