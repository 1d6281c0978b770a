using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Credentials;

/// <summary>
/// Two app instances on one database (the SQLite file, or the PostgreSQL database, of one data directory), each with its
/// own services and database contexts, as two processes of a scaled-out install. Their limits: the test credentials', and 1000/s for every Clari
/// credential (ClientSuccess is unlimited). The first keeps the EF Core commands it runs.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    private static readonly Dictionary<string, string?> Limits = new()
    {
        ["Engine:RateLimits:cred-shared"] = "20",
        ["Engine:RateLimits:cred-slow"] = "1",
        ["Engine:RateLimits:cred-logged"] = "5",
        ["Engine:RateLimits:clari"] = "1000",
    };

    private readonly LogCollector _logs = new();

    public TwoInstances()
    {
        First = new FlowStudioApp(
            new(Limits) { [$"Logging:{typeof(LogCollector).FullName}:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information" },
            logs: _logs);
        Second = new FlowStudioApp(Limits, First.DataDirectory);
    }

    public FlowStudioApp First { get; }

    public FlowStudioApp Second { get; }

    /// <summary>The statements taking from a rate budget that the first instance has sent so far.</summary>
    internal int FirstBudgetStatements => _logs.Lines.Count(l => l.Contains("INSERT INTO \"RateBudgets\"", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
    }
}
