using System.Net;
using System.Net.Http.Json;
using FlowStudio.Sandbox.Clari;

namespace FlowStudio.Sandbox.Tests.Clari;

/// <summary>Timing, limits and calendar rules, on a sandbox whose clock the test moves.</summary>
public sealed class ClariClockTests(ClariClockHost host) : IClassFixture<ClariClockHost>
{
    private static readonly DateTimeOffset May10 = new(2025, 5, 10, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task BulkJob_StatusFollowsElapsedTime_RecordsCountOnlyOnSuccess()
    {
        using var client = Start();
        var jobId = await ClariHttp.SubmitBulkAsync(client, "account", ClariHttp.Records("clock-", 10));

        var queued = await client.GetAsync($"v2/ingest/job/{jobId}");
        host.Clock.Advance(TimeSpan.FromMilliseconds(250));
        var running = await client.GetAsync($"v2/ingest/job/{jobId}");
        var countWhileRunning = host.Store.Snapshot();
        host.Clock.Advance(TimeSpan.FromMilliseconds(400));
        var done = await client.GetAsync($"v2/ingest/job/{jobId}");

        Assert.Equal((HttpStatusCode.Accepted, "QUEUED"), (queued.StatusCode, await StatusOf(queued)));
        Assert.Equal((HttpStatusCode.Accepted, "IN_PROGRESS"), (running.StatusCode, await StatusOf(running)));
        Assert.Equal((HttpStatusCode.OK, "SUCCESS"), (done.StatusCode, await StatusOf(done)));
        Assert.Equal(0, ((ReceivedSnapshot)countWhileRunning).Account.Count);
        Assert.Equal(new ReceivedCounts(10, 10, 0), ((ReceivedSnapshot)host.Store.Snapshot()).Account);
        var message = (await ClariHttp.ReadJsonAsync(done)).GetProperty("message");
        var submitted = message.GetProperty("submittedTime").GetInt64();
        Assert.Equal(May10.ToUnixTimeMilliseconds(), submitted);
        Assert.Equal(submitted + 600, message.GetProperty("endTime").GetInt64());
    }

    [Fact]
    public async Task Bulk_SixthConcurrentJob_Returns429TooManyRequests()
    {
        using var client = Start();
        for (var i = 0; i < 5; i++)
        {
            await ClariHttp.SubmitBulkAsync(client, "contact", ClariHttp.Records($"cap{i}-", 1));
        }

        var refused = await client.PostAsync("v2/ingest/bulk/entity/contact", ClariHttp.BulkFile("[]"));
        host.Clock.Advance(TimeSpan.FromMilliseconds(600));
        var accepted = await client.PostAsync("v2/ingest/bulk/entity/contact", ClariHttp.BulkFile("[]"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var error = Assert.Single((await ClariHttp.ReadJsonAsync(refused)).EnumerateArray());
        Assert.Equal("TOO_MANY_REQUESTS", error.GetProperty("errorCode").GetString());
        Assert.StartsWith("Max concurrent async ingestion jobs limit reached for partner", error.GetProperty("errorSummary").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    [Fact]
    public async Task Results_BeforeDone_Returns400InvalidJobIdThenTheResults()
    {
        using var client = Start();
        var jobId = await StartExportAsync(client);

        var early = await client.GetAsync($"v4/export/jobs/{jobId}/results");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, early.StatusCode);
        var error = System.Text.Json.JsonDocument.Parse(await early.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("invalid_jobId", error.GetProperty("code").GetString());
        Assert.Equal("exports", error.GetProperty("namespace").GetString());
        Assert.True(error.TryGetProperty("errorId", out _));
        Assert.True(error.TryGetProperty("orgId", out _));

        host.Clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync($"v4/export/jobs/{jobId}/results")).StatusCode);
    }

    [Fact]
    public async Task ExportJob_IsStartedFor300MillisecondsThenDone()
    {
        using var client = Start();
        var jobId = await StartExportAsync(client);

        var started = await client.GetFromJsonAsync<JobEnvelope>($"v4/export/jobs/{jobId}");
        host.Clock.Advance(TimeSpan.FromMilliseconds(300));
        var done = await client.GetFromJsonAsync<JobEnvelope>($"v4/export/jobs/{jobId}");

        Assert.Equal(("STARTED", null), (started!.Job.Status, started.Job.EndTime));
        Assert.Equal("DONE", done!.Job.Status);
        Assert.Equal(done.Job.StartTime + 300, done.Job.EndTime);
        Assert.Equal(done.Job.EndTime + (long)TimeSpan.FromDays(30).TotalMilliseconds, done.Job.ExpiredTime);
    }

    [Fact]
    public async Task Export_FourthConcurrentJob_Returns400QuotaReachedUntilOneIsCancelled()
    {
        using var client = Start();
        var jobIds = new[] { await StartExportAsync(client), await StartExportAsync(client), await StartExportAsync(client) };

        var refused = await client.PostAsJsonAsync("v4/export/forecast/net_new_arr", new { });
        await client.PatchAsJsonAsync($"v4/export/jobs/{jobIds[0]}", new { type = "CANCEL" });
        var limits = (await ClariHttp.ReadJsonAsync(await client.GetAsync("v4/admin/limits"))).GetProperty("jobs");
        var accepted = await client.PostAsJsonAsync("v4/export/forecast/net_new_arr", new { });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = await ClariHttp.ReadJsonAsync(refused);
        Assert.Equal("export_monthly_quota_reached", error.GetProperty("code").GetString());
        Assert.Equal("The monthly quota limit of 1000 or concurrent limit of 3 has been reached.", error.GetProperty("message").GetString());
        Assert.Equal(2, limits.GetProperty("runningJobIds").GetArrayLength());
        Assert.Equal(1, limits.GetProperty("availableConcurrentLimit").GetInt32());
        Assert.DoesNotContain(limits.GetProperty("submittedJobIds").EnumerateArray(), id => id.GetString() == jobIds[0]);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Export_MonthlyQuota_IsARolling30DayWindow()
    {
        using var client = Start();
        host.Store.Options = host.Store.Options with { ExportMonthlyQuota = 2 };
        try
        {
            await StartExportAsync(client);
            host.Clock.Advance(TimeSpan.FromDays(10));
            await StartExportAsync(client);
            host.Clock.Advance(TimeSpan.FromDays(10));

            var refused = await client.PostAsJsonAsync("v4/export/activity", new { });
            var limits = (await ClariHttp.ReadJsonAsync(await client.GetAsync("v4/admin/limits"))).GetProperty("jobs");
            host.Clock.Advance(TimeSpan.FromDays(10));
            var accepted = await client.PostAsJsonAsync("v4/export/activity", new { });

            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("export_monthly_quota_reached", (await ClariHttp.ReadJsonAsync(refused)).GetProperty("code").GetString());
            Assert.Equal(0, limits.GetProperty("availableMonthlyQuota").GetInt32());
            Assert.False(limits.TryGetProperty("runningJobIds", out _));
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }
        finally
        {
            host.Store.Options = ClariOptions.Default;
        }
    }

    [Fact]
    public async Task JobStatus_FlatOption_ReturnsFlatObject()
    {
        using var client = Start();
        host.Store.Options = host.Store.Options with { FlatExportJobStatus = true };
        try
        {
            var jobId = await StartExportAsync(client);

            var body = await ClariHttp.ReadJsonAsync(await client.GetAsync($"v4/export/jobs/{jobId}"));

            Assert.Equal("STARTED", body.GetProperty("status").GetString());
        }
        finally
        {
            host.Store.Options = ClariOptions.Default;
        }
    }

    [Theory]
    [InlineData(null, "2025_Q2")]
    [InlineData("2024_Q4", "2024_Q4")]
    [InlineData("2025_Q7", "2025_Q2")]
    [InlineData("1999_Q1", "2025_Q2")]
    [InlineData("next quarter", "2025_Q2")]
    public async Task Forecast_TimePeriod_DefaultsAndFallsBackToCurrentQuarter(string? requested, string expected)
    {
        using var client = Start();
        var query = requested is null ? "" : $"?timePeriod={Uri.EscapeDataString(requested)}";

        var payload = await ClariHttp.ReadJsonAsync(await client.GetAsync($"v4/forecast/net_new_arr{query}"));

        Assert.Equal(expected, payload.GetProperty("timePeriods")[0].GetProperty("timePeriodId").GetString());
    }

    [Fact]
    public async Task ForecastExport_IncludeHistorical_ReturnsWeeksFromQuarterStartToToday()
    {
        using var client = Start();
        var response = await client.PostAsJsonAsync("v4/export/forecast/bookings", new { includeHistorical = true });
        var jobId = (await ClariHttp.ReadJsonAsync(response)).GetProperty("jobId").GetString();
        host.Clock.Advance(TimeSpan.FromSeconds(1));

        var payload = await ClariHttp.ReadJsonAsync(await client.GetAsync($"v4/export/jobs/{jobId}/results"));
        var frames = payload.GetProperty("timeFrames").EnumerateArray().ToList();

        // 2025-04-01 .. 2025-05-10 spans weeks 1 to 6.
        Assert.Equal(6, frames.Count);
        Assert.Equal("2025-04-01", frames[0].GetProperty("startDate").GetString());
        Assert.Equal("2025-05-06", frames[^1].GetProperty("startDate").GetString());
    }

    [Fact]
    public async Task AuditEvents_AreNewestFirstWithinTheLast30Days()
    {
        using var client = Start();

        var page = await ClariHttp.ReadJsonAsync(await client.GetAsync("v4/audit/events?limit=1000"));
        var stamps = page.GetProperty("items").EnumerateArray().Select(item => DateTimeOffset.Parse(item.GetProperty("eventTimestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(250, stamps.Count);
        Assert.False(page.TryGetProperty("nextLink", out _));
        Assert.Equal(stamps.OrderByDescending(stamp => stamp), stamps);
        Assert.All(stamps, stamp => Assert.InRange(stamp, May10.AddDays(-30), May10));
    }

    private HttpClient Start()
    {
        host.Clock.Set(May10);
        host.Store.Reset();
        return host.CreateClient();
    }

    private static async Task<string?> StatusOf(HttpResponseMessage response) =>
        (await ClariHttp.ReadJsonAsync(response)).GetProperty("message").GetProperty("status").GetString();

    private static async Task<string> StartExportAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("v4/export/forecast/net_new_arr", new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ClariHttp.ReadJsonAsync(response)).GetProperty("jobId").GetString()!;
    }

    private sealed record JobEnvelope(JobView Job);

    private sealed record JobView(string Status, long StartTime, long? EndTime, long? ExpiredTime);
}
