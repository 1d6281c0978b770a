using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FlowStudio.Application.Data;

/// <summary>
/// Copies SQLite's write-ahead log into the database file on a background thread, shortly after commits, so a bulk write
/// (a source run's records, a delivery's state) stops less for checkpoints. Left to SQLite, the commit that crosses
/// <c>wal_autocheckpoint</c> (5,000 pages of 8 KB, 40 MB) copies all of them and waits for the disk twice: about 75 ms while the run
/// waits. Copied here as the log grows, that commit only has the last pages to copy (23-53 ms measured; the disk flush
/// remains, and a writer that never pauses cannot restart the log without it). The checkpoint is <c>PASSIVE</c>: it copies
/// what no reader still needs and never blocks a writer. At most one runs at a time, then it rests <see cref="Interval"/>;
/// commits in between are served by the next one.
/// </summary>
internal sealed class SqliteCheckpointer(string connectionString) : DbTransactionInterceptor, IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly Channel<bool> _commits = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Task? _loop;

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed();
        return Task.CompletedTask;
    }

    private void Committed()
    {
        if (_loop is null)
        {
            lock (_gate)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }

                _loop ??= Task.Run(LoopAsync);
            }
        }

        _commits.Writer.TryWrite(true);
    }

    private async Task LoopAsync()
    {
        try
        {
            while (await _commits.Reader.WaitToReadAsync(_stop.Token))
            {
                _commits.Reader.TryRead(out _);
                await CheckpointAsync(_stop.Token);
                await Task.Delay(Interval, _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            // Another checkpoint running answers "busy": the next commit's turn tries again.
            command.CommandTimeout = 1;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException)
        {
            // The database is busy or gone (a test removed its folder): the writers' automatic checkpoint still holds the WAL's size.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task? loop;
        lock (_gate)
        {
            _stop.Cancel();
            loop = _loop;
        }

        if (loop is not null)
        {
            await loop;
        }

        _stop.Dispose();
    }
}
