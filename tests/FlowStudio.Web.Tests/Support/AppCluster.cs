namespace FlowStudio.Web.Tests.Support;

/// <summary>
/// Two instances of the app on one PostgreSQL database and one key ring, as a scaled-out deployment runs them: two real
/// hosts, each on its own port with its own in-process services. <see cref="A"/> starts (and migrates) first, then
/// <see cref="B"/>. They start on first use, so a fixture of PostgreSQL-only tests costs nothing in the SQLite pass.
/// </summary>
public sealed class AppCluster : IDisposable
{
    private readonly Lazy<(FlowStudioApp A, FlowStudioApp B)> _instances;

    public AppCluster()
    {
        _instances = new(() =>
        {
            var a = new FlowStudioApp(new Dictionary<string, string?>(), logs: Logs);
            return (a, new FlowStudioApp(new Dictionary<string, string?>(), a.DataDirectory, Logs));
        });
    }

    public FlowStudioApp A => _instances.Value.A;

    public FlowStudioApp B => _instances.Value.B;

    /// <summary>What both instances log.</summary>
    internal LogCollector Logs { get; } = new();

    public void Dispose()
    {
        if (_instances.IsValueCreated)
        {
            _instances.Value.B.Dispose();
            _instances.Value.A.Dispose();
        }
    }
}
