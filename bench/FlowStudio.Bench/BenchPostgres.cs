using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace FlowStudio.Bench;

/// <summary>
/// A throwaway PostgreSQL cluster for the shared-delivery bench: <c>initdb</c> into a temporary folder and <c>pg_ctl start</c>
/// on a free loopback port, as the <c>postgres</c> user when the bench runs as root (as the tests do). Stopped and deleted on dispose.
/// </summary>
internal sealed class BenchPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;
    private readonly int _port;

    private BenchPostgres(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        _port = port;
    }

    public static BenchPostgres Start()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).FirstOrDefault(b => File.Exists(Path.Combine(b, "pg_ctl")))
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl): apt-get install postgresql.");
        }

        var directory = Directory.CreateTempSubdirectory("flowstudio-bench-postgres-").FullName;
        if (Environment.UserName == "root")
        {
            Run("chown", ["-R", "postgres:postgres", directory]);
        }

        var server = new BenchPostgres(bin, directory, FreePort());
        var data = Path.Combine(directory, "data");
        server.RunTool("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"]);
        server.RunTool("pg_ctl", [
            "start", "-w", "-t", "60", "-D", data, "-l", Path.Combine(directory, "server.log"),
            "-o", $"-p {server._port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
        ]);
        return server;
    }

    /// <summary>Creates the database <paramref name="name"/> and returns its connection string.</summary>
    public string CreateDatabase(string name)
    {
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            create.ExecuteNonQuery();
        }

        return ConnectionString(name);
    }

    public ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            RunTool("pg_ctl", ["stop", "-m", "immediate", "-D", Path.Combine(_directory, "data")]);
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private string ConnectionString(string database) => $"Host=127.0.0.1;Port={_port};Database={database};Username=postgres";

    private void RunTool(string tool, string[] arguments)
    {
        var path = Path.Combine(_bin, tool);
        if (Environment.UserName == "root")
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}{output.Result}");
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
