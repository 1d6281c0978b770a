using Npgsql;

namespace FlowStudio.Application.Data;

/// <summary>
/// Listens on a PostgreSQL notification channel over a connection of its own until stopped; when the connection is lost it
/// says so and connects again after a growing delay (<see cref="NextRetry"/>).
/// </summary>
internal static class NotificationListener
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    /// <summary>1 s after the first failure, then twice the last delay, at most 30 s.</summary>
    public static TimeSpan NextRetry(TimeSpan? retry) =>
        retry is null ? FirstRetry : TimeSpan.FromTicks(Math.Min(retry.Value.Ticks * 2, LongestRetry.Ticks));

    /// <summary>
    /// Calls <paramref name="received"/> with each notification's payload; <paramref name="lost"/> when the connection is
    /// lost (with the delay before the next attempt) and <paramref name="reconnected"/> once it listens again.
    /// </summary>
    public static async Task ListenAsync(
        string connectionString,
        string applicationName,
        string channel,
        Action<string> received,
        Action<Exception, TimeSpan> lost,
        Action reconnected,
        TimeProvider time,
        CancellationToken stoppingToken)
    {
        // Keepalives let a listener that waits for days notice a connection the network dropped silently.
        var listener = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = applicationName, Pooling = false };
        if (listener.KeepAlive == 0)
        {
            listener.KeepAlive = 30;
        }

        TimeSpan? retry = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listener.ConnectionString);
                connection.Notification += (_, e) => received(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (retry is not null)
                {
                    reconnected();
                    retry = null;
                }

                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                retry = NextRetry(retry);
                lost(ex, retry.Value);
                try
                {
                    await Task.Delay(retry.Value, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
