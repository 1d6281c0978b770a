using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Scripting;
using FlowStudio.Engine.Templates;

namespace FlowStudio.Bench;

/// <summary>Delivers records through the engine: the "Upload Entity Data" template, <see cref="PayloadBuilder"/> and <see cref="DeliveryRunner"/> over <see cref="ApiClient"/>.</summary>
internal sealed class EngineDelivery : IDisposable
{
    public const string ApiKey = "clari-sandbox-key";
    public const string PartnerKey = "clari-sandbox-partner";

    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly DeliveryRunner _runner;
    private readonly Connection _connection;

    public EngineDelivery(Uri clariBaseUrl)
    {
        var time = TimeProvider.System;
        Scripts = new ScriptWorkerPool(new ScriptOptions(), time);
        Builder = new PayloadBuilder(Scripts, time);
        _runner = new DeliveryRunner(new ApiClient(_http, new ConnectorAuthenticator(time), time), Builder, time);
        _connection = new Connection("clari", clariBaseUrl, new Dictionary<string, string> { ["apiKey"] = ApiKey, ["partnerKey"] = PartnerKey });
        var template = TemplateCatalog.Load(TemplatesDirectory()).Find("clari.upload-entity-data")
            ?? throw new InvalidOperationException("The clari.upload-entity-data template is missing.");
        Config = DestinationConfig.FromTemplate(template, new Dictionary<string, string?>
        {
            ["entityType"] = "account",
            ["mode"] = "incremental",
            ["isLastBatch"] = "false",
        });
    }

    public DestinationConfig Config { get; }

    public PayloadBuilder Builder { get; }

    /// <summary>Grouping code runs in worker processes, as in the host.</summary>
    public ScriptWorkerPool Scripts { get; }

    /// <summary>The first request the engine would send for <paramref name="count"/> records.</summary>
    public OutboundPayload FirstPayload(int count) => Builder.Build(Config, ClariRecords.ForEngine(count)).First();

    public async Task<DeliverySummary> DeliverAsync(long count, CancellationToken cancellationToken)
    {
        var summary = await _runner.RunAsync(_connection, Config, ClariRecords.ForEngine(count), cancellationToken: cancellationToken);
        if (summary.RecordsFailed > 0)
        {
            throw new InvalidOperationException($"The engine failed {summary.RecordsFailed} records.");
        }

        return summary;
    }

    private static string TemplatesDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "templates");
                if (File.Exists(Path.Combine(candidate, "clari.destination.json")))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("No templates/ folder above the working directory; run the benchmark from the repository.");
    }

    public void Dispose()
    {
        _http.Dispose();
        Scripts.Dispose();
    }
}
