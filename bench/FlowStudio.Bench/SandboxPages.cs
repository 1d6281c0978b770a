using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace FlowStudio.Bench;

/// <summary>
/// The sandbox's own speed: <c>POST /sandbox/_reset</c> with N contacts, then 200 pages of 100 contacts over loopback
/// HTTP (first, middle and last pages of the whole store, and pages of a "modified after" search), median and p95 per page.
/// </summary>
internal static class SandboxPages
{
    private const int PageSize = 100;
    private const int Pages = 200;
    private const int Resets = 3;

    // About half of the seeded contacts were modified after this instant (the seed spreads them over 2023-2025).
    private const string ModifiedAfter = "2025-03-01T00:00:00Z";

    public static async Task RunAsync(SandboxPeer sandbox, long contacts)
    {
        using var http = ContactSearch.SandboxClient(sandbox.Root);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sandbox pages: {contacts:N0} contacts, {Pages} pages of {PageSize} (sandbox {(sandbox.ChildPeakWorkingSet is null ? "in this process" : "in a child process")}, {Environment.ProcessorCount} CPUs)"));

        for (var i = 0; i < Resets; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.PostAsJsonAsync("sandbox/_reset", new { contacts });
            response.EnsureSuccessStatusCode();
            using var state = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var seeded = state.RootElement.GetProperty("clientsuccess").GetProperty("contacts").GetInt64();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"reset {i + 1}: {seeded:N0} contacts in {watch.Elapsed.TotalMilliseconds:N0} ms{(seeded == contacts ? "" : " MISMATCH")}"));
        }

        var lastPage = (int)((contacts - 1) / PageSize);
        var afterPages = (await GetAsync(http, SearchUrl(0, ModifiedAfter))).TotalPages;
        var kinds = new (string Name, Func<int, string> Url)[]
        {
            ("first page", _ => SearchUrl(0, null)),
            ("middle page", i => SearchUrl((lastPage / 2) + (i % 10), null)),
            ("last page", i => SearchUrl(lastPage - (i % 10), null)),
            ("modified after", i => SearchUrl(Math.Max(0, afterPages - 1) * (i % 10) / 9, ModifiedAfter)),
        };

        // Warm up: connection, JIT and anything the sandbox builds on first use.
        for (var i = 0; i < 20; i++)
        {
            await GetAsync(http, kinds[i % kinds.Length].Url(i));
        }

        var timings = kinds.ToDictionary(kind => kind.Name, _ => new List<double>());
        for (var i = 0; i < Pages; i++)
        {
            var (name, url) = kinds[i % kinds.Length];
            var watch = Stopwatch.StartNew();
            var page = await GetAsync(http, url(i / kinds.Length));
            timings[name].Add(watch.Elapsed.TotalMilliseconds);
            if (page.Records != PageSize && page.Page != page.TotalPages - 1)
            {
                throw new InvalidOperationException($"{url(i / kinds.Length)} answered {page.Records} records.");
            }
        }

        foreach (var (name, values) in timings)
        {
            Console.WriteLine(Line(name, values));
        }

        Console.WriteLine(Line("all pages", timings.Values.SelectMany(values => values).ToList()));
    }

    private static string SearchUrl(int page, string? modifiedAfter) =>
        $"sandbox/clientsuccess/v2/contact/search?page={page}&size={PageSize}" + (modifiedAfter is null ? "" : $"&modifiedAfter={Uri.EscapeDataString(modifiedAfter)}");

    private static async Task<(int Page, int TotalPages, int Records)> GetAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var root = body.RootElement;
        return (root.GetProperty("page").GetInt32(), root.GetProperty("totalPages").GetInt32(), root.GetProperty("data").GetArrayLength());
    }

    private static string Line(string name, List<double> values)
    {
        var sorted = values.Order().ToList();
        var median = sorted[sorted.Count / 2];
        var p95 = sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * 0.95) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"{name,-15} {values.Count,3} pages: median {median:0.00} ms, p95 {p95:0.00} ms, max {sorted[^1]:0.00} ms");
    }
}
