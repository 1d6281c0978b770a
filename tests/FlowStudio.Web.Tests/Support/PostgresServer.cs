using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace FlowStudio.Web.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster for this test process: <c>initdb</c> into a temporary folder and <c>pg_ctl start</c> on a
/// free loopback port, as the <c>postgres</c> user when the tests run as root (PostgreSQL refuses to run as root). It is
/// stopped and deleted when the process exits. Each test app gets a database of its own (<see cref="Database"/>).
/// </summary>
internal sealed class PostgresServer
{
    private const string Prefix = "flowstudio-postgres-";
    private static readonly Lazy<PostgresServer> Started = new(Start);
    private readonly string _bin;
    private readonly string _directory;

    private PostgresServer(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
    }

    public static PostgresServer Instance => Started.Value;

    public int Port { get; }

    /// <summary>
    /// The connection string of the database <paramref name="name"/>, created when missing. Idle connections close within
    /// seconds, so the many apps of a test run do not exhaust the server's connections.
    /// </summary>
    public string Database(string name)
    {
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                create.ExecuteNonQuery();
            }
        }

        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Connection Idle Lifetime=5;Connection Pruning Interval=1";

    private static PostgresServer Start()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var version) ? version : 0).FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl): apt-get install postgresql.");
        }

        RemoveStopped();
        var directory = Directory.CreateTempSubdirectory(Prefix).FullName;
        var data = Path.Combine(directory, "data");
        var port = FreePort();
        if (Environment.UserName == "root")
        {
            Run("chown", ["-R", "postgres:postgres", directory]);
        }

        var server = new PostgresServer(bin, directory, port);
        server.RunTool("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"]);
        server.RunTool("pg_ctl", [
            "start", "-w", "-t", "60", "-D", data, "-l", Path.Combine(directory, "server.log"),
            "-o", $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
        ]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private void Stop()
    {
        try
        {
            RunTool("pg_ctl", ["stop", "-m", "immediate", "-D", Path.Combine(_directory, "data")]);
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>Deletes the clusters of earlier test runs that are no longer running (a test process may end before deleting its own).</summary>
    private static void RemoveStopped()
    {
        foreach (var stale in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*").Where(d => !File.Exists(Path.Combine(d, "data", "postmaster.pid"))))
        {
            try
            {
                Directory.Delete(stale, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>Runs a PostgreSQL tool, as the postgres user when this process is root.</summary>
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
