using System.Net;
using System.Text;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Security;

[Collection(AppCollection.Name)]
public sealed class WebhookIntakeTests(FlowStudioApp app)
{
    private async Task<(string Url, string Token, string DatasetId)> WebhookSourceAsync(HttpClient client)
    {
        var source = await client.PostJsonAsync("/api/sources", new { name = "Hook " + Guid.NewGuid().ToString("N")[..6], connector = "webhook" }, 201);
        return (source.GetProperty("webhookUrl").GetString()!, source.GetProperty("webhookToken").GetString()!, source.GetProperty("datasetId").GetString()!);
    }

    private static async Task<HttpResponseMessage> PushAsync(HttpClient client, string url, string token, HttpContent content, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add("X-Webhook-Token", token);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    private static async Task<long> RecordCountAsync(HttpClient client, string datasetId) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/datasets/{datasetId}")).RootElement.GetProperty("recordCount").GetInt64();

    [Fact]
    public async Task Replay_WithTheSameIdempotencyKey_StoresTheRecordsOnce()
    {
        using var client = app.CreateClient();
        var (url, token, datasetId) = await WebhookSourceAsync(client);
        const string body = """[{"id":1},{"id":2}]""";

        using var first = await PushAsync(client, url, token, new StringContent(body, Encoding.UTF8, "application/json"), "delivery-42");
        using var replay = await PushAsync(client, url, token, new StringContent(body, Encoding.UTF8, "application/json"), "delivery-42");
        using var other = await PushAsync(client, url, token, new StringContent(body, Encoding.UTF8, "application/json"), "delivery-43");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("\"duplicate\":true", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
        Assert.Equal(4, await RecordCountAsync(client, datasetId));
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D }, "not UTF-8")]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x7D }, "not UTF-8")]
    [InlineData(new byte[] { 0x7B, 0x22, 0x6E, 0x22, 0x3A, 0x31, 0x65, 0x39, 0x39, 0x39, 0x7D }, "1e999 is out of range")]
    [InlineData(new byte[] { 0x5B, 0x7B, 0x22, 0x6E, 0x22, 0x3A, 0x2D, 0x31, 0x65, 0x34, 0x30, 0x30, 0x7D, 0x5D }, "-1e400 is out of range")]
    public async Task Body_NotUtf8OrWithANumberPastDouble_Is400AndNothingIsStored(byte[] body, string message)
    {
        using var client = app.CreateClient();
        var (url, token, datasetId) = await WebhookSourceAsync(client);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await PushAsync(client, url, token, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await RecordCountAsync(client, datasetId));
    }

    [Fact]
    public async Task ChunkedBodyPastTenMegabytes_Is413AndNothingIsStored()
    {
        using var client = app.CreateClient();
        var (url, token, datasetId) = await WebhookSourceAsync(client);
        var record = Encoding.UTF8.GetBytes("{\"id\":1,\"pad\":\"" + new string('p', 1000) + "\"},");
        var stream = new MemoryStream();
        stream.Write("["u8);
        while (stream.Length < 11 * 1024 * 1024)
        {
            stream.Write(record);
        }

        stream.Write("{\"id\":0}]"u8);
        stream.Position = 0;
        var content = new StreamContent(stream);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        HttpStatusCode? status = null;
        try
        {
            using var response = await PushAsync(client, url, token, content);
            status = response.StatusCode;
        }
        catch (HttpRequestException)
        {
            // Kestrel may close the connection while the client is still sending; the stored count below is what matters.
        }

        Assert.True(status is null or HttpStatusCode.RequestEntityTooLarge, $"answered {status}");
        Assert.Null(content.Headers.ContentLength is long known && known > 0 ? "sent with a length" : null);
        Assert.Equal(0, await RecordCountAsync(client, datasetId));
    }

    [Fact]
    public async Task Token_IsShownOnceAndStoredHashed()
    {
        using var client = app.CreateClient();
        var (url, token, _) = await WebhookSourceAsync(client);
        var sourceId = url.Split('/')[^1];

        var view = await client.GetStringAsync($"/api/sources/{sourceId}");
        var stored = await app.StoredTextAsync();

        Assert.DoesNotContain(token, view, StringComparison.Ordinal);
        Assert.DoesNotContain(token, stored, StringComparison.Ordinal);
        using var accepted = await PushAsync(client, url, token, new StringContent("{\"id\":1}", Encoding.UTF8, "application/json"));
        using var refused = await PushAsync(client, url, token[..^1] + (token[^1] == '0' ? "1" : "0"), new StringContent("{\"id\":1}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
