using FlowStudio.Engine.Sources;
using FlowStudio.Engine.Templates;
using FlowStudio.Engine.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FlowStudio.Engine.Tests.Pagination;

/// <summary>Each strategy reads a finite API to its end, and an endless or repeating API cannot make it loop.</summary>
public sealed class PaginationTests
{
    private const int Cap = 5;

    private static int Int(HttpContext http, string name, int fallback) =>
        int.TryParse(http.Request.Query[name], out var value) ? value : fallback;

    private static object[] Items(int from, int count) => [.. Enumerable.Range(from, count).Select(i => new { id = i })];

    private static async Task<(int Records, int Requests, List<string> Urls)> ReadAsync(TestPeer peer, string path, PaginationSpec pagination, int maxPages = Cap)
    {
        var config = new SourceConfig { Url = path, DataPath = "$.items[*]", Pagination = pagination, MaxPages = maxPages };
        var (records, requests) = await SourceTestKit.CreateReader().ReadAllAsync(SourceTestKit.NoAuth(peer.BaseAddress), config);
        return (records.Count, requests.Count, requests.Select(r => r.Url).ToList());
    }

    [Fact]
    public async Task PageSize_FiniteEndlessAndRepeatingApis_StopsEveryTime()
    {
        await using var peer = await TestPeer.StartAsync(app =>
        {
            app.MapGet("/finite", (HttpContext http) =>
            {
                int page = Int(http, "page", -1), size = Int(http, "size", -1);
                var count = Math.Clamp(250 - (page * size), 0, size);
                return Results.Json(new { items = Items(page * size, count), last = (page + 1) * size >= 250 });
            });
            app.MapGet("/short", (HttpContext http) =>
            {
                int page = Int(http, "page", -1), size = Int(http, "size", -1);
                return Results.Json(new { items = Items(page * size, Math.Clamp(250 - (page * size), 0, size)) });
            });
            app.MapGet("/endless", (HttpContext http) => Results.Json(new { items = Items(Int(http, "page", 0) * 10, 10), last = false }));
            app.MapGet("/repeating", () => Results.Json(new { items = Items(0, 10), last = false }));
        });
        var spec = new PaginationSpec { Type = PaginationTypes.PageSize, PageParam = "page", SizeParam = "size", Size = 100, LastPath = "$.last" };

        Assert.Equal((250, 3), Trim(await ReadAsync(peer, "/finite", spec)));
        Assert.Equal((250, 3), Trim(await ReadAsync(peer, "/short", spec with { LastPath = null })));
        Assert.Equal((50, Cap), Trim(await ReadAsync(peer, "/endless", spec with { Size = 10 })));
        Assert.Equal((10, 2), Trim(await ReadAsync(peer, "/repeating", spec with { Size = 10 })));
    }

    [Fact]
    public async Task PageSize_EndlessApiWithoutACapGiven_StopsAtTheDefaultCapOf1000()
    {
        await using var peer = await TestPeer.StartAsync(app =>
            app.MapGet("/endless", (HttpContext http) => Results.Json(new { items = Items(Int(http, "page", 0), 1) })));
        var spec = new PaginationSpec { Type = PaginationTypes.PageSize, PageParam = "page", SizeParam = "size", Size = 1 };

        var (records, requests, _) = await ReadAsync(peer, "/endless", spec, SourceConfig.DefaultMaxPages);

        Assert.Equal(1000, requests);
        Assert.Equal(1000, records);
    }

    [Fact]
    public async Task Offset_FiniteEndlessAndRepeatingApis_StopsEveryTime()
    {
        await using var peer = await TestPeer.StartAsync(app =>
        {
            app.MapGet("/finite", (HttpContext http) =>
            {
                int offset = Int(http, "offset", -1), limit = Int(http, "limit", -1);
                return Results.Json(new { items = Items(offset, Math.Clamp(45 - offset, 0, limit)) });
            });
            app.MapGet("/endless", (HttpContext http) => Results.Json(new { items = Items(Int(http, "offset", 0), Int(http, "limit", 0)) }));
            app.MapGet("/repeating", () => Results.Json(new { items = Items(0, 20) }));
        });
        var spec = new PaginationSpec { Type = PaginationTypes.Offset, OffsetParam = "offset", SizeParam = "limit", Size = 20 };

        var finite = await ReadAsync(peer, "/finite", spec);
        Assert.Equal((45, 3), Trim(finite));
        Assert.Contains("offset=40", finite.Urls[2], StringComparison.Ordinal);
        Assert.Equal((100, Cap), Trim(await ReadAsync(peer, "/endless", spec)));
        Assert.Equal((20, 2), Trim(await ReadAsync(peer, "/repeating", spec)));
    }

    [Fact]
    public async Task Cursor_FiniteEndlessAndRepeatingApis_StopsEveryTime()
    {
        var served = 0;
        await using var peer = await TestPeer.StartAsync(app =>
        {
            app.MapGet("/finite", (HttpContext http) =>
            {
                var at = Int(http, "cursor", 0);
                return Results.Json(new { items = Items(at, 10), meta = new { next = at < 20 ? (at + 10).ToString(System.Globalization.CultureInfo.InvariantCulture) : null } });
            });
            app.MapGet("/endless", (HttpContext http) =>
            {
                var at = Int(http, "cursor", 0);
                return Results.Json(new { items = Items(at, 10), meta = new { next = (at + 10).ToString(System.Globalization.CultureInfo.InvariantCulture) } });
            });
            app.MapGet("/repeating", () => Results.Json(new { items = Items(Interlocked.Increment(ref served) * 10, 10), meta = new { next = "abc" } }));
        });
        var spec = new PaginationSpec { Type = PaginationTypes.Cursor, CursorPath = "$.meta.next", CursorParam = "cursor" };

        Assert.Equal((30, 3), Trim(await ReadAsync(peer, "/finite", spec)));
        Assert.Equal((50, Cap), Trim(await ReadAsync(peer, "/endless", spec)));
        Assert.Equal((20, 2), Trim(await ReadAsync(peer, "/repeating", spec)));
    }

    [Fact]
    public async Task NextLink_FiniteEndlessAndRepeatingApis_StopsEveryTime()
    {
        static string Self(HttpContext http, string pathAndQuery) => $"{http.Request.Scheme}://{http.Request.Host}{pathAndQuery}";
        await using var peer = await TestPeer.StartAsync(app =>
        {
            app.MapGet("/finite", (HttpContext http) =>
            {
                var p = Int(http, "p", 0);
                return Results.Json(new { items = Items(p * 3, 3), nextLink = p < 2 ? Self(http, $"/finite?p={p + 1}") : null });
            });
            app.MapGet("/endless", (HttpContext http) =>
            {
                var p = Int(http, "p", 0);
                return Results.Json(new { items = Items(p * 3, 3), nextLink = Self(http, $"/endless?p={p + 1}") });
            });
            app.MapGet("/repeating", (HttpContext http) =>
                Results.Json(new { items = Items(Int(http, "p", 0) * 3, 3), nextLink = Self(http, "/repeating?p=1") }));
        });
        var spec = new PaginationSpec { Type = PaginationTypes.NextLink, NextPath = "$.nextLink" };

        Assert.Equal((9, 3), Trim(await ReadAsync(peer, "/finite", spec)));
        Assert.Equal((15, Cap), Trim(await ReadAsync(peer, "/endless", spec)));
        Assert.Equal((6, 2), Trim(await ReadAsync(peer, "/repeating", spec)));
    }

    [Fact]
    public async Task NextUrl_RelativeUrlsFiniteEndlessAndRepeating_StopsEveryTime()
    {
        await using var peer = await TestPeer.StartAsync(app =>
        {
            app.MapGet("/finite", (HttpContext http) =>
            {
                var p = Int(http, "p", 0);
                return Results.Json(new { items = Items(p, 1), paging = new { next = p < 3 ? $"/finite?p={p + 1}" : "" } });
            });
            app.MapGet("/endless", (HttpContext http) =>
            {
                var p = Int(http, "p", 0);
                return Results.Json(new { items = Items(p, 1), paging = new { next = $"endless?p={p + 1}" } });
            });
            app.MapGet("/repeating", () => Results.Json(new { items = Items(0, 1), paging = new { next = "/repeating?again=1" } }));
        });
        var spec = new PaginationSpec { Type = PaginationTypes.NextUrl, NextPath = "$.paging.next" };

        Assert.Equal((4, 4), Trim(await ReadAsync(peer, "/finite", spec)));
        Assert.Equal((Cap, Cap), Trim(await ReadAsync(peer, "/endless", spec)));
        Assert.Equal((1, 2), Trim(await ReadAsync(peer, "/repeating", spec)));
    }

    [Fact]
    public async Task LinkHeader_FiniteEndlessAndRepeatingApis_StopsEveryTime()
    {
        await using var peer = await TestPeer.StartAsync(app =>
        {
            app.MapGet("/finite", (HttpContext http) =>
            {
                var p = Int(http, "page", 1);
                var links = $"</finite?page=1>; rel=\"first\", </finite?page=3>; rel=\"last\"";
                if (p < 3)
                {
                    links += $", </finite?page={p + 1}>; rel=\"next\"";
                }

                http.Response.Headers.Link = links;
                return Results.Json(new { items = Items(p * 10, 2) });
            });
            app.MapGet("/endless", (HttpContext http) =>
            {
                var p = Int(http, "page", 1);
                http.Response.Headers.Link = $"<{http.Request.Scheme}://{http.Request.Host}/endless?page={p + 1}>; rel=\"next\"";
                return Results.Json(new { items = Items(p * 10, 2) });
            });
            app.MapGet("/repeating", (HttpContext http) =>
            {
                http.Response.Headers.Link = "</repeating?page=2>; rel=\"next\"";
                return Results.Json(new { items = Items(Int(http, "page", 1) * 10, 2) });
            });
        });
        var spec = new PaginationSpec { Type = PaginationTypes.LinkHeader };

        Assert.Equal((6, 3), Trim(await ReadAsync(peer, "/finite", spec)));
        Assert.Equal((10, Cap), Trim(await ReadAsync(peer, "/endless", spec)));
        Assert.Equal((4, 2), Trim(await ReadAsync(peer, "/repeating", spec)));
    }

    [Fact]
    public async Task None_EndlessApi_MakesOneRequest()
    {
        await using var peer = await TestPeer.StartAsync(app =>
            app.MapGet("/endless", () => Results.Json(new { items = Items(0, 3), nextLink = "/endless?p=2", last = false })));

        Assert.Equal((3, 1), Trim(await ReadAsync(peer, "/endless", PaginationSpec.None)));
    }

    [Fact]
    public async Task EveryStrategy_EmptyPage_Stops()
    {
        var calls = 0;
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/empty", (HttpContext http) =>
        {
            Interlocked.Increment(ref calls);
            http.Response.Headers.Link = "</empty?next=1>; rel=\"next\"";
            return Results.Json(new { items = Array.Empty<object>(), last = false, nextLink = "/empty?next=2", cursor = "c" });
        }));
        PaginationSpec[] specs =
        [
            new() { Type = PaginationTypes.PageSize, PageParam = "page", SizeParam = "size", Size = 10 },
            new() { Type = PaginationTypes.Offset, OffsetParam = "offset", SizeParam = "limit", Size = 10 },
            new() { Type = PaginationTypes.Cursor, CursorPath = "$.cursor", CursorParam = "c" },
            new() { Type = PaginationTypes.NextLink, NextPath = "$.nextLink" },
            new() { Type = PaginationTypes.NextUrl, NextPath = "$.nextLink" },
            new() { Type = PaginationTypes.LinkHeader },
        ];

        foreach (var spec in specs)
        {
            var config = new SourceConfig { Url = "/empty", DataPath = "$.items[*]", Pagination = spec };
            var (records, requests) = await SourceTestKit.CreateReader().ReadAllAsync(SourceTestKit.NoAuth(peer.BaseAddress), config);
            Assert.Empty(records);
            Assert.Single(requests);
        }

        Assert.Equal(specs.Length, calls);
    }

    private static (int Records, int Requests) Trim((int Records, int Requests, List<string> Urls) result) => (result.Records, result.Requests);
}
