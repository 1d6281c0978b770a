using System.Diagnostics;
using System.Globalization;
using FlowStudio.Engine.Sources;
using FlowStudio.Engine.Templates;

namespace FlowStudio.Bench;

/// <summary>Times the source engine reading whole templates from the sandbox: "Search Pulses" (300) and "Search Contacts" (1,000).</summary>
internal static class SourceReads
{
    public static async Task RunAsync(SandboxPeer sandbox, int rounds)
    {
        var catalog = TemplateCatalog.Load(TemplateDirectory.Locate() ?? throw new InvalidOperationException("templates/ not found above the working directory."));
        var connection = ContactSearch.ConnectionTo(sandbox.Root);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var reader = ContactSearch.Reader(http);

        foreach (var id in new[] { "clientsuccess.search-pulses", "clientsuccess.search-contacts" })
        {
            var template = catalog.Find(id) ?? throw new InvalidOperationException($"No template {id}.");
            var config = SourceConfig.FromTemplate(template, new Dictionary<string, string?>());
            var best = TimeSpan.MaxValue;
            var records = 0;
            var requests = 0;
            for (var round = 0; round < rounds + 1; round++)
            {
                records = 0;
                requests = 0;
                var watch = Stopwatch.StartNew();
                await foreach (var _ in reader.ReadAsync(connection, config, null, null, _ => requests++, CancellationToken.None))
                {
                    records++;
                }

                // Round 0 warms up (JIT, connection); the best of the others counts.
                if (round > 0 && watch.Elapsed < best)
                {
                    best = watch.Elapsed;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{template.Name}: {records:N0} records in {requests} requests, best {best.TotalMilliseconds:N0} ms ({records / best.TotalSeconds:N0} records/s)"));
        }
    }
}
