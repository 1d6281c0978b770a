using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Sources;

[Collection(AppCollection.Name)]
public sealed class WebhookSourceStateTests(FlowStudioApp app)
{
    [Fact]
    public async Task Webhook_NewThenPausedThenActivated_ReceivesRefusesThenReceivesAgain()
    {
        using var client = app.CreateClient();
        var source = await client.PostJsonAsync("/api/sources", new { name = "Shop orders " + Guid.NewGuid().ToString("N")[..6], connector = "webhook" }, 201);
        var id = source.GetProperty("id").GetString()!;
        Assert.Equal("active", source.GetProperty("status").GetString());
        var token = source.GetProperty("webhookToken").GetString()!;

        Assert.Equal(HttpStatusCode.Accepted, await PostRecordAsync(client, id, token));
        await client.PostJsonAsync($"/api/sources/{id}/pause", new { }, 200);
        var paused = await PostRecordAsync(client, id, token);
        await client.PostJsonAsync($"/api/sources/{id}/activate", new { }, 200);

        Assert.Equal(HttpStatusCode.Conflict, paused);
        Assert.Equal(HttpStatusCode.Accepted, await PostRecordAsync(client, id, token));
        var dataset = JsonDocument.Parse(await client.GetStringAsync($"/api/datasets/{source.GetProperty("datasetId").GetString()}")).RootElement;
        Assert.Equal(2, dataset.GetProperty("recordCount").GetInt64());
    }

    [Fact]
    public async Task Test_SavedWebhookSource_SaysThereIsNoEndpointToTest()
    {
        using var client = app.CreateClient();
        var source = await client.PostJsonAsync("/api/sources", new { name = "Pushed " + Guid.NewGuid().ToString("N")[..6], connector = "webhook" }, 201);

        var response = await client.PostAsJsonAsync($"/api/sources/{source.GetProperty("id").GetString()}/test", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no endpoint to test", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> PostRecordAsync(HttpClient client, string id, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/{id}")
        {
            Content = new StringContent("""{"id": 1}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Webhook-Token", token);
        return (await client.SendAsync(request)).StatusCode;
    }
}
