using System.Net;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Sources;

/// <summary>The <c>schedule</c> of POST and PUT /api/sources: cron with names, macros and a time zone; bounded intervals.</summary>
[Collection(AppCollection.Name)]
public sealed class SourceScheduleApiTests(FlowStudioApp app)
{
    [Theory]
    [InlineData("""{"kind":"interval","every":2147483647,"unit":"hours"}""", "schedule.every", "8,760 hours")]
    [InlineData("""{"kind":"interval","every":600000,"unit":"minutes"}""", "schedule.every", "525,600 minutes")]
    [InlineData("""{"kind":"cron","cron":"0 9 * * MON-FRY"}""", "schedule.cron", "day of week")]
    [InlineData("""{"kind":"cron","cron":"0 9 * * MON-FRI","timeZone":"Mars/Olympus_Mons"}""", "schedule.timeZone", "Mars/Olympus_Mons")]
    [InlineData("""{"kind":"cron","cron":"0 9 * * *","timeZone":"america/new_york"}""", "schedule.timeZone", "America/New_York")]
    public async Task Create_BadSchedule_Returns400NamingTheFieldAndStoresNothing(string schedule, string field, string expected)
    {
        using var client = app.CreateClient();
        var name = "Bad schedule " + Guid.NewGuid().ToString("N")[..6];

        var response = await PostAsync(client, HttpMethod.Post, "/api/sources", await BodyAsync(client, name, schedule));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(field + ":", detail, StringComparison.Ordinal);
        Assert.Contains(expected, detail, StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.DoesNotContain(name, await client.GetStringAsync("/api/sources"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_CronWithNamesAndTimeZone_StoresItAndTheSourcePageSaysItInWordsWithTheNextRuns()
    {
        using var client = app.CreateClient();
        var name = "Weekday mornings " + Guid.NewGuid().ToString("N")[..6];

        var response = await PostAsync(client, HttpMethod.Post, "/api/sources",
            await BodyAsync(client, name, """{"kind":"cron","cron":"0\t9 * *  mon-fri","timeZone":"America/New_York"}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var schedule = created.GetProperty("schedule");
        Assert.Equal("0\t9 * *  mon-fri", schedule.GetProperty("cron").GetString());
        Assert.Equal("America/New_York", schedule.GetProperty("timeZone").GetString());

        var page = await client.GetStringAsync($"/sources/{created.GetProperty("id").GetString()}");
        Assert.Contains("At 09:00 on Monday through Friday (America/New_York)", page, StringComparison.Ordinal);
        Assert.Equal(5, CountOf(page, " 09:00 (UTC-0"));
    }

    [Fact]
    public async Task Update_GiantIntervalThenUnknownZone_Returns400AndKeepsTheSavedSchedule()
    {
        using var client = app.CreateClient();
        var name = "Daily " + Guid.NewGuid().ToString("N")[..6];
        var created = await client.PostJsonAsync("/api/sources", JsonDocument.Parse(await BodyAsync(client, name, """{"kind":"cron","cron":"@daily"}""")).RootElement, 201);
        var id = created.GetProperty("id").GetString()!;

        var giant = await PostAsync(client, HttpMethod.Put, $"/api/sources/{id}", await BodyAsync(client, name, """{"kind":"interval","every":2147483647,"unit":"hours"}"""));
        var zone = await PostAsync(client, HttpMethod.Put, $"/api/sources/{id}", await BodyAsync(client, name, """{"kind":"cron","cron":"@daily","timeZone":"Nowhere"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, giant.StatusCode);
        Assert.Contains("schedule.every", await giant.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, zone.StatusCode);
        Assert.Contains("schedule.timeZone", await zone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = JsonDocument.Parse(await client.GetStringAsync($"/api/sources/{id}")).RootElement.GetProperty("schedule");
        Assert.Equal("@daily", saved.GetProperty("cron").GetString());
    }

    private static async Task<string> BodyAsync(HttpClient client, string name, string scheduleJson)
    {
        var credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox");
        return $$"""{"name":{{JsonSerializer.Serialize(name)}},"credentialId":"{{credentialId}}","templateId":"clientsuccess.search-contracts","schedule":{{scheduleJson}}}""";
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, HttpMethod method, string url, string json) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
