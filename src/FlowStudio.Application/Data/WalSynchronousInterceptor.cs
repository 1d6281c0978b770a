using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FlowStudio.Application.Data;

/// <summary>
/// Sets <c>synchronous = NORMAL</c> on each connection opened. In WAL mode (set at start) a commit then does not wait for
/// the disk: a killed process loses nothing committed and the database stays consistent; only a power cut or OS crash
/// may roll back the last commits. Writing pages of records costs a commit each, not a disk flush each. Only a checkpoint
/// (copying the WAL into the database) waits for the disk, twice: checkpointing every 40 MB of WAL (5,000 pages of the
/// 8 KB a new database gets, see <see cref="DataExtensions.MigrateFlowStudioDataAsync"/>; 20 MB for a database made with 4 KB pages before) instead of SQLite's
/// 1,000 pages makes a bulk write of records wait ten times less.
/// </summary>
internal sealed class WalSynchronousInterceptor : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
