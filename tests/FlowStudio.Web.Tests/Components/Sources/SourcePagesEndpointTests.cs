using System.Net;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Components.Sources;

/// <summary>The source screens' htmx endpoints over real HTTP: fragments, 404s and the antiforgery check on actions.</summary>
[Collection(AppCollection.Name)]
public sealed class SourcePagesEndpointTests(FlowStudioApp app)
{
    [Fact]
    public async Task Delete_WithoutAntiforgeryToken_IsRejectedAndTheSourceStays()
    {
        using var client = app.CreateClient();
        var credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox");
        var source = await client.PostJsonAsync("/api/sources", new { name = "Kept contracts", credentialId, templateId = "clientsuccess.search-contracts" }, 201);
        var id = source.GetProperty("id").GetString()!;

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/sources/{id}/delete");
        request.Headers.Add("HX-Request", "true");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/sources/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/sources/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("/flows/new/source/test")]
    [InlineData("/flows/new/source/create")]
    public async Task FormPost_WithoutAntiforgeryToken_IsRejected(string path)
    {
        using var client = app.CreateClient();

        var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "Sneaky", ["Mode"] = "manual" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SourcePage_UnknownId_AnswersNotFoundWithThePage()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/sources/src_missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchedulePreview_MacroInParis_AnswersTheWordsAndNextRunsAsAFragment()
    {
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/flows/new/source/schedule-preview?Schedule.Cron=%40daily&Schedule.TimeZone=Europe%2FParis");

        Assert.StartsWith("<div id=\"schedule-preview\"", html, StringComparison.Ordinal);
        Assert.Contains("At 00:00 every day", html, StringComparison.Ordinal);
        Assert.Contains("Europe/Paris time", html, StringComparison.Ordinal);
        Assert.Matches(@"00:00 \(UTC\+0[12]:00\)", WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task TemplateFields_ChosenEndpoint_AnswersItsFieldsAsAFragment()
    {
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/flows/new/source/template-fields?TemplateId=clientsuccess.get-client");

        Assert.StartsWith("<div id=\"template-fields\"", html, StringComparison.Ordinal);
        Assert.Contains("<label class=\"form-label required\" for=\"param-clientId\">Client ID</label>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Macros_DateFormatAndTimeUnit_ListsValuesInThatFormatAndUnit()
    {
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/flows/new/source/macros?DateFormat=yyyy-MM-dd&TimeUnit=week");

        Assert.Contains("One week before now", html, StringComparison.Ordinal);
        Assert.Matches("= \\d{4}-\\d{2}-\\d{2}<", html);
    }
}
