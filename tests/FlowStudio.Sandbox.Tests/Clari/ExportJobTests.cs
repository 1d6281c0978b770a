using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FlowStudio.Sandbox.Tests.Clari;

/// <summary>Tests that leave a job running cancel it, so the concurrent-export limit never trips a later test.</summary>
[Collection(SandboxCollection.Name)]
public sealed class ExportJobTests(SandboxServer sandbox)
{
    private static readonly string FirstQuarterThisYear = $"{DateTime.UtcNow.Year}_Q1";

    [Fact]
    public async Task ForecastExport_PolledUntilDone_ResultsCoverRequestedPeriod()
    {
        using var client = ClariHttp.CreateClient(sandbox);
        var jobId = await StartForecastExportAsync(client, new { timePeriod = FirstQuarterThisYear, typesToExport = new[] { "forecast", "quota" } });

        var seen = await ClariHttp.PollExportJobAsync(client, jobId);
        var results = await client.GetAsync($"v4/export/jobs/{jobId}/results");
        var payload = await ClariHttp.ReadJsonAsync(results);

        Assert.Matches("^[0-9a-f]{24}$", jobId);
        Assert.All(seen[..^1], poll => Assert.Equal("STARTED", poll.Body.GetProperty("job").GetProperty("status").GetString()));
        var job = seen[^1].Body.GetProperty("job");
        Assert.Equal("DONE", job.GetProperty("status").GetString());
        Assert.Equal("FORECAST", job.GetProperty("module").GetString());
        Assert.Equal(HttpStatusCode.OK, results.StatusCode);
        Assert.Equal(FirstQuarterThisYear, payload.GetProperty("timePeriods")[0].GetProperty("timePeriodId").GetString());
        Assert.Equal(20, payload.GetProperty("users").GetArrayLength());
        var entries = payload.GetProperty("entries").EnumerateArray().ToList();
        Assert.Contains(entries, entry => entry.TryGetProperty("quotaValue", out _));
        Assert.Contains(entries, entry => entry.TryGetProperty("forecastValue", out _));
    }

    [Fact]
    public async Task ForecastExport_Csv_ResultsAreCsvWithDocumentedColumns()
    {
        using var client = ClariHttp.CreateClient(sandbox);
        var jobId = await StartForecastExportAsync(client, new { exportFormat = "CSV" }, "bookings");

        await ClariHttp.PollExportJobAsync(client, jobId);
        var results = await client.GetAsync($"v4/export/jobs/{jobId}/results");
        var text = await results.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", results.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("User,Email,CRM User ID,Role,Parent Role,Timeframe,Field,Week,Start Day,End Day,Data Type,Data Value", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobStatus_FlatQuery_ReturnsUnwrappedJob()
    {
        using var client = ClariHttp.CreateClient(sandbox);
        var jobId = await StartForecastExportAsync(client, new { });
        try
        {
            var body = await ClariHttp.ReadJsonAsync(await client.GetAsync($"v4/export/jobs/{jobId}?flat=true"));

            Assert.Equal(jobId, body.GetProperty("jobId").GetString());
            Assert.False(body.TryGetProperty("job", out _));
        }
        finally
        {
            await client.PatchAsJsonAsync($"v4/export/jobs/{jobId}", new { type = "CANCEL" });
        }
    }

    [Fact]
    public async Task Cancel_RunningJob_CancelsItAndResultsStayUnavailable()
    {
        using var client = ClariHttp.CreateClient(sandbox);
        var jobId = await StartForecastExportAsync(client, new { });

        var cancel = await client.PatchAsJsonAsync($"v4/export/jobs/{jobId}", new { type = "CANCEL" });
        var status = await ClariHttp.ReadJsonAsync(await client.GetAsync($"v4/export/jobs/{jobId}"));
        var results = await client.GetAsync($"v4/export/jobs/{jobId}/results");

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var body = await ClariHttp.ReadJsonAsync(cancel);
        Assert.Equal("CANCELLED", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("successful").GetBoolean());
        Assert.Equal("CANCELLED", status.GetProperty("job").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, results.StatusCode);
    }

    [Fact]
    public async Task Cancel_DoneJob_Returns400ExportFailedToCancel()
    {
        using var client = ClariHttp.CreateClient(sandbox);
        var jobId = await StartForecastExportAsync(client, new { });
        await ClariHttp.PollExportJobAsync(client, jobId);

        var response = await client.PatchAsJsonAsync($"v4/export/jobs/{jobId}", new { type = "CANCEL" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("export_failed_to_cancel", (await ClariHttp.ReadJsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ForecastExport_UnknownForecast_Returns400NoSuchForecastConfig()
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var response = await client.PostAsJsonAsync("v4/export/forecast/deal_owner", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ClariHttp.ReadJsonAsync(response);
        Assert.Equal("no_such_forecast_config", error.GetProperty("code").GetString());
        Assert.Equal("fcw", error.GetProperty("namespace").GetString());
    }

    [Theory]
    [InlineData("crm_total", "type_not_supported")]
    [InlineData("crm_closed", "type_not_supported")]
    [InlineData("forecast_value", "bad_request")]
    public async Task ForecastExport_UnsupportedType_Returns400(string type, string code)
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var response = await client.PostAsJsonAsync("v4/export/forecast/net_new_arr", new { typesToExport = new[] { "forecast", type } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await ClariHttp.ReadJsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ForecastExport_TypesInQuery_AreValidatedToo()
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var response = await client.PostAsync("v4/export/forecast/net_new_arr?typesToExport=crm_total", null);

        Assert.Equal("type_not_supported", (await ClariHttp.ReadJsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ActivityExport_Returns202ThenOnlyRequestedTypes()
    {
        using var client = ClariHttp.CreateClient(sandbox);
        var response = await client.PostAsJsonAsync("v4/export/activity", new { activityTypes = new[] { "MEETING", "EMAIL_SENT" }, exportFormat = "JSON" });
        var jobId = (await ClariHttp.ReadJsonAsync(response)).GetProperty("jobId").GetString()!;

        await ClariHttp.PollExportJobAsync(client, jobId);
        var activities = (await ClariHttp.ReadJsonAsync(await client.GetAsync($"v4/export/jobs/{jobId}/results"))).GetProperty("activities");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.NotEqual(0, activities.GetArrayLength());
        Assert.All(activities.EnumerateArray(), activity =>
            Assert.Contains(activity.GetProperty("activityType").GetString(), (string[])["MEETING", "EMAIL_SENT"]));
    }

    [Fact]
    public async Task ActivityExport_UnknownType_Returns400()
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var response = await client.PostAsJsonAsync("v4/export/activity", new { activityTypes = new[] { "PHONE_CALL" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AuditExport_Returns202ThenItemsAndActors()
    {
        using var client = ClariHttp.CreateClient(sandbox);
        var response = await client.PostAsJsonAsync("v4/export/audit/events", new { actorId = 1002 });
        var jobId = (await ClariHttp.ReadJsonAsync(response)).GetProperty("jobId").GetString()!;

        await ClariHttp.PollExportJobAsync(client, jobId);
        var results = await ClariHttp.ReadJsonAsync(await client.GetAsync($"v4/export/jobs/{jobId}/results"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.NotEqual(0, results.GetProperty("items").GetArrayLength());
        Assert.All(results.GetProperty("items").EnumerateArray(), item => Assert.Equal("1002", item.GetProperty("actorId").GetString()));
        Assert.Contains(results.GetProperty("actors").EnumerateArray(), actor => actor.GetProperty("actorId").GetString() == "1002");
    }

    [Fact]
    public async Task ListJobs_IncludesNewJob()
    {
        using var client = ClariHttp.CreateClient(sandbox);
        var jobId = await StartForecastExportAsync(client, new { });
        await client.PatchAsJsonAsync($"v4/export/jobs/{jobId}", new { type = "CANCEL" });

        var jobs = await ClariHttp.ReadJsonAsync(await client.GetAsync("v4/export/jobs"));

        Assert.Contains(jobs.EnumerateArray(), job => job.GetProperty("jobId").GetString() == jobId);
    }

    [Fact]
    public async Task Limits_ReportConcurrentLimitAndMonthlyQuota()
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var jobs = (await ClariHttp.ReadJsonAsync(await client.GetAsync("v4/admin/limits"))).GetProperty("jobs");

        Assert.Equal(3, jobs.GetProperty("concurrentLimit").GetInt32());
        Assert.Equal(1000, jobs.GetProperty("monthlyQuota").GetInt32());
        Assert.Equal(
            1000 - jobs.GetProperty("submittedJobIds").GetArrayLength(),
            jobs.GetProperty("availableMonthlyQuota").GetInt32());
    }

    private static async Task<string> StartForecastExportAsync(HttpClient client, object body, string forecastId = "net_new_arr")
    {
        var response = await client.PostAsJsonAsync($"v4/export/forecast/{forecastId}", body);
        var json = await ClariHttp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        return json.GetProperty("jobId").GetString()!;
    }
}
