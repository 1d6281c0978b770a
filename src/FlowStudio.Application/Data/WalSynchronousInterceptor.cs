using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FlowStudio.Application.Data;

/// <summary>
/// Sets <c>synchronous = NORMAL</c> on each connection opened. In WAL mode (set at start) a commit then does not wait for
/// the disk: a killed process loses nothing committed and the database stays consistent; only a power cut or OS crash
/// may roll back the last commits. Writing pages of records costs a commit each, not a disk flush each. Only a checkpoint
/// (copying the WAL into the database) waits for the disk, twice: checkpointing every 40 MB of WAL instead of SQLite's
/// 4 MB makes a bulk write of records wait ten times less.
/// </summary>
internal sealed class WalSynchronousInterceptor : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 10000;";

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
