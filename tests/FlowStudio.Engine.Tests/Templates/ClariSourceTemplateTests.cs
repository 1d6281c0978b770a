using System.Net.Http.Headers;
using System.Text;
using FlowStudio.Engine.Tests.Support;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Tests.Templates;

/// <summary>The Clari source templates read the sandbox org over real HTTP; export jobs are polled to DONE.</summary>
[Collection(SandboxCollection.Name)]
public sealed class ClariSourceTemplateTests(SandboxServer sandbox) : IAsyncLifetime
{
    private readonly TemplateSourceRunner _runner = new(sandbox);

    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GetIngestJobStatus_SubmittedBulkJob_ReadsTheJob()
    {
        var jobId = await SubmitBulkJobAsync();

        var job = (await _runner.ClariAsync("Get Ingest Job Status", ("jobId", jobId))).Single();

        Assert.Equal((jobId, "DATA_INGESTION"), ((string)job["jobId"]!, (string)job["module"]!));
        Assert.Contains((string)job["status"]!, new[] { "QUEUED", "IN_PROGRESS", "SUCCESS" });
    }

    [Fact]
    public async Task CreateForecastExport_ForecastAndTypes_ReadsTheNewJobId()
    {
        var created = (await _runner.ClariAsync("Create Forecast Export",
            ("forecastId", "net_new_arr"), ("typesToExport", """["forecast", "quota"]"""), ("includeHistorical", "true"), ("currency", "USD"))).Single();

        Assert.Matches("^[0-9a-f]{24}$", (string)created["jobId"]!);
        var jobs = (JArray)await _runner.ClariApiAsync(HttpMethod.Get, "/v4/export/jobs");
        Assert.Equal((string)created["jobId"]!, (string)Assert.Single(jobs)["jobId"]!);
    }

    [Fact]
    public async Task GetExportJobStatus_PolledAfterExport_ReachesDone()
    {
        var jobId = await CreateForecastExportAsync();

        var job = await PollUntilDoneAsync(jobId);

        Assert.Equal((jobId, "FORECAST", "DONE"), ((string)job["jobId"]!, (string)job["module"]!, (string)job["status"]!));
    }

    [Fact]
    public async Task GetExportJobResults_DoneForecastExport_ReadsItsEntries()
    {
        var jobId = await CreateForecastExportAsync();
        await PollUntilDoneAsync(jobId);

        var reading = await _runner.ClariAsync("Get Export Job Results", ("jobId", jobId));

        Assert.NotEmpty(reading.Records);
        Assert.All(reading.Records, r => Assert.False(string.IsNullOrEmpty((string?)r["userId"]) || string.IsNullOrEmpty((string?)r["fieldId"])));
        Assert.Matches(@"^\d{4}_Q[1-4]$", (string)reading.Records[0]["_metadata"]![0]!["timePeriodId"]!);
    }

    [Fact]
    public async Task ListExportJobs_TwoExports_ReadsBothJobs()
    {
        var first = await CreateForecastExportAsync();
        var second = await CreateForecastExportAsync("bookings");

        var reading = await _runner.ClariAsync("List Export Jobs");

        Assert.Equal(new[] { first, second }.Order(), reading.Records.Select(r => (string)r["jobId"]!).Order());
    }

    [Fact]
    public async Task CreateActivityExport_MeetingsInRange_StartsAnActivityJob()
    {
        var created = (await _runner.ClariAsync("Create Activity Export",
            ("activityTypes", """["MEETING"]"""), ("startDate", "2020-01-01T00:00:00Z"), ("endDate", "2035-12-31T00:00:00Z"))).Single();

        var job = await PollUntilDoneAsync((string)created["jobId"]!);
        Assert.Equal("ACTIVITY", (string)job["module"]!);
        var results = await _runner.ClariApiAsync(HttpMethod.Get, $"/v4/export/jobs/{created["jobId"]}/results");
        Assert.NotEmpty((JArray)results["activities"]!);
        Assert.All(results["activities"]!, a => Assert.Equal("MEETING", (string)a["activityType"]!));
    }

    [Fact]
    public async Task ListAuditEvents_LimitOf50_FollowsNextLinkThroughEveryEvent()
    {
        var expected = (JArray)(await _runner.ClariApiAsync(HttpMethod.Get, "/v4/audit/events?limit=1000"))["items"]!;

        var reading = await _runner.ClariAsync("List Audit Events", ("limit", "50"));

        Assert.Equal(expected.Select(e => (string)e["correlationID"]!), reading.Records.Select(r => (string)r["correlationID"]!));
        Assert.Equal((expected.Count + 49) / 50, reading.Requests.Count);
    }

    [Fact]
    public async Task GetOpportunities_TwoIds_ReadsBothOpportunities()
    {
        var reading = await _runner.ClariAsync("Get Opportunities", ("oppId", "006Sb0000000001AAE, 006Sb0000000002AAE"));

        Assert.Equal(["006Sb0000000001AAE", "006Sb0000000002AAE"], reading.Records.Select(r => (string)r["id"]!));
        Assert.EndsWith("?oppId=006Sb0000000001AAE&oppId=006Sb0000000002AAE", reading.Requests[0].Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetForecast_ForecastId_ReadsTheLatestWeeksEntries()
    {
        var reading = await _runner.ClariAsync("Get Forecast", ("forecastId", "renewals"), ("typesToExport", "forecast,quota"));

        Assert.NotEmpty(reading.Records);
        Assert.Contains(reading.Records, r => (string)r["fieldId"]! == "quota");
        Assert.Single((JArray)reading.Records[0]["_metadata"]!);
    }

    [Fact]
    public async Task GetPicklistValues_EntityLabel_ReadsThatEntitysPicklists()
    {
        var values = (await _runner.ClariAsync("Get Picklist Values", ("entityType", "Opportunity"))).Single();

        Assert.Equal(["Low", "Medium", "High"], values["dealRisk"]!.Select(v => (string)v!));
        Assert.Equal(3, ((JArray)values["competitors"]!).Count);
    }

    private async Task<string> CreateForecastExportAsync(string forecastId = "net_new_arr") =>
        (string)(await _runner.ClariAsync("Create Forecast Export", ("forecastId", forecastId))).Single()["jobId"]!;

    /// <summary>Reads the job with Get Export Job Status until it is DONE (at most ~5 s).</summary>
    private async Task<JObject> PollUntilDoneAsync(string jobId)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var job = (await _runner.ClariAsync("Get Export Job Status", ("jobId", jobId))).Single();
            if ((string)job["status"]! != "STARTED")
            {
                return job;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Export job {jobId} did not finish.");
    }

    private async Task<string> SubmitBulkJobAsync()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var file = new JArray(new JObject
        {
            ["sourceEntity"] = "account",
            ["records"] = new JArray(new JObject { ["id"] = "001Sb0000000001AAE", ["createdAt"] = now - 1000, ["updatedAt"] = now }),
        });
        using var content = new MultipartFormDataContent();
        var part = new StringContent(file.ToString(), Encoding.UTF8);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(part, "FileData", "accounts.json");
        return (string)(await _runner.ClariApiAsync(HttpMethod.Post, "/v2/ingest/bulk/entity/account?mode=incremental&isLastBatch=true", content))["jobId"]!;
    }
}
