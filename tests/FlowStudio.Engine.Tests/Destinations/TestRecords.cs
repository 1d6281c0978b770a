using FlowStudio.Engine.Destinations;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Tests.Destinations;

/// <summary>Dataset records shaped like ClientSuccess clients, as a source would have read them.</summary>
internal static class TestRecords
{
    public static List<DeliveryRecord> Clients(int count) =>
        Enumerable.Range(1, count).Select(i => new DeliveryRecord(i, Client(i))).ToList();

    public static JObject Client(int i) => new()
    {
        ["id"] = i,
        ["uuid"] = $"cli_{i:D6}",
        ["name"] = $"Client {i}",
        ["status"] = "ACTIVE",
        ["externalId"] = $"ext-{i}",
        ["internalNote"] = "do not send",
        ["createdTime"] = "2024-01-02T03:04:05.000Z",
        ["modifiedTime"] = "2024-02-03T04:05:06.000Z",
    };

    public static DeliveryRecord Record(long id, object data) => new(id, JObject.FromObject(data));
}
