using System.Text.Json;
using FlowStudio.Application.Destinations;
using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Http;
using FlowStudio.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Features.Destinations;

/// <summary>The response webhook keeps every answer as a record, even one too deep to be a record's JSON.</summary>
[Collection(AppCollection.Name)]
public sealed class ResponseWebhookTests(FlowStudioApp app)
{
    [Theory]
    [InlineData(10, "object")]
    [InlineData(130, "string")]
    [InlineData(5000, "string")]
    public async Task WriteAsync_AnswerOfAnyDepth_BecomesARecord_DeepOnesAsTheirText(int depth, string kind)
    {
        using var client = app.CreateClient();
        var source = await client.PostJsonAsync("/api/sources", new { name = "Answers " + Guid.NewGuid().ToString("N")[..6], connector = "webhook" }, 201);
        var body = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        var payload = new OutboundPayload("POST", "/x", new Dictionary<string, string>(), "[]", RequestBodyKind.Json, [1L, 2L]);
        var answer = new ApiResponse(200, body, new Dictionary<string, string>(), TimeSpan.Zero, 1, null);

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ResponseWebhook>().WriteAsync(
                "dst_test", source.GetProperty("id").GetString()!, [new DeliveryResult(payload, answer, DeliveryOutcome.Sent, null, false, [])], CancellationToken.None);
        }

        var records = JsonDocument.Parse(await client.GetStringAsync($"/api/datasets/{source.GetProperty("datasetId").GetString()}/records")).RootElement;
        var record = Assert.Single(records.GetProperty("records").EnumerateArray());
        Assert.Equal(200, record.GetProperty("status").GetInt32());
        Assert.Equal(kind, record.GetProperty("body").ValueKind == JsonValueKind.Object ? "object" : record.GetProperty("body").ValueKind == JsonValueKind.String ? "string" : "other");
    }
}
