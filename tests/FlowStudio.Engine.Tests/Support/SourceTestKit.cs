using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Sources;

namespace FlowStudio.Engine.Tests.Support;

/// <summary>Builds a real <see cref="SourceReader"/> and collects what a read produced.</summary>
public static class SourceTestKit
{
    public static readonly RetryOptions FastRetry = new() { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1) };

    public static SourceReader CreateReader(TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        return new SourceReader(new ApiClient(new HttpClient(), new ConnectorAuthenticator(clock), clock), clock, FastRetry);
    }

    public static Connection NoAuth(Uri baseUrl) => new("rest", baseUrl, new Dictionary<string, string> { ["authType"] = "none" });

    /// <summary>Reads every record and logs every request.</summary>
    public static async Task<(List<SourceRecord> Records, List<RequestLogEntry> Requests)> ReadAllAsync(
        this SourceReader reader,
        Connection connection,
        SourceConfig config,
        IReadOnlyList<IReadOnlyDictionary<string, string>>? lookupRows = null,
        string? lookupKeyColumn = null)
    {
        var records = new List<SourceRecord>();
        var requests = new List<RequestLogEntry>();
        await foreach (var record in reader.ReadAsync(connection, config, lookupRows, lookupKeyColumn, requests.Add, CancellationToken.None))
        {
            records.Add(record);
        }

        return (records, requests);
    }
}
