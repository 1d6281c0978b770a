using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace FlowStudio.Bench;

/// <summary>
/// The engine's source reader alone, with no network and no sandbox: the "Search Contacts" pages of N contacts are fetched
/// from the sandbox once, then served from memory by an <see cref="HttpMessageHandler"/> while the reader (ApiClient, paging,
/// JSON parse, records with their schema and key fields) reads them 30 times. Prints each round and the median of the last
/// ten: the CPU a source run spends on reading, before any database write, which bounds its speed against the raw page loop.
/// </summary>
internal static class ReaderCpu
{
    private const int Rounds = 30;

    public static async Task RunAsync(SandboxPeer sandbox, long contacts)
    {
        using var http = ContactSearch.SandboxClient(sandbox.Root);
        await ContactSearch.ResetAsync(http, contacts);
        var pages = new List<byte[]>();
        // Every page, and the empty one after the last that ends the walk.
        for (var page = 0; page <= (contacts + 99) / 100; page++)
        {
            pages.Add(await http.GetByteArrayAsync($"sandbox/clientsuccess/v2/contact/search?page={page}&size=100"));
        }

        var config = ContactSearch.Config();
        var connection = ContactSearch.ConnectionTo(new Uri("http://memory.test/"));
        using var memory = new HttpClient(new MemoryPages(pages));
        var reader = ContactSearch.Reader(memory);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reader CPU: {contacts:N0} contacts in {pages.Count - 1:N0} pages served from memory, {Rounds} rounds"));
        var cpus = new List<double>();
        for (var round = 1; round <= Rounds; round++)
        {
            using var self = Process.GetCurrentProcess();
            var cpu = self.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            long records = 0;
            await foreach (var page in reader.ReadPagesAsync(connection, config, null, null, null, CancellationToken.None))
            {
                records += page.Count;
            }

            self.Refresh();
            var used = (self.TotalProcessorTime - cpu).TotalMilliseconds;
            cpus.Add(used);
            if (records != contacts)
            {
                throw new InvalidOperationException($"The reader read {records:N0} records, not {contacts:N0}.");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: {watch.Elapsed.TotalMilliseconds:0} ms, CPU {used:0} ms"));
        }

        var last = cpus.TakeLast(10).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reader CPU per 100,000 records (median of the last 10 rounds): {(last[4] + last[5]) / 2 * 100_000 / contacts:0} ms"));
    }

    private sealed class MemoryPages(List<byte[]> pages) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var page = int.Parse(System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)["page"] ?? "0", CultureInfo.InvariantCulture);
            var content = new ByteArrayContent(pages[Math.Min(page, pages.Count - 1)]);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }
}
