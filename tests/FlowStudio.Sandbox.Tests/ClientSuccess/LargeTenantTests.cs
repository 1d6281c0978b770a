using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.Tests.ClientSuccess;

/// <summary>Searches over tenants reseeded with many records, and searches that must follow the writes made since.</summary>
public sealed class LargeTenantTests(LargeTenantSandbox sandbox) : IClassFixture<LargeTenantSandbox>
{
    private const string SeededBefore = "2026-01-01T00:00:00Z";

    [Fact]
    public async Task Reset_WithNContacts_SeedsNAndSearchCountsThem()
    {
        var state = await sandbox.ResetAsync(new { contacts = 12_345 });
        using var client = sandbox.CreateClient();

        var first = await client.GetJsonAsync("v2/contact/search");
        var last = await client.GetJsonAsync("v2/contact/search?page=123");

        Assert.Equal(12_345, state["contacts"]!.GetValue<int>());
        Assert.Equal(12_345, first["totalElements"]!.GetValue<int>());
        Assert.Equal(124, first["totalPages"]!.GetValue<int>());
        Assert.Equal(45, last["data"]!.AsArray().Count);
        Assert.True(last["last"]!.GetValue<bool>());
        Assert.Equal(10, (await sandbox.ResetAsync(new { contacts = 10 }))["contacts"]!.GetValue<int>());
        Assert.Equal(10, (await client.GetJsonAsync("v2/contact/search"))["totalElements"]!.GetValue<int>());
    }

    [Fact]
    public async Task Search_EveryPageOfALargeStore_ReturnsEachContactOnceInIdOrder()
    {
        await sandbox.ResetAsync(new { contacts = 20_000 });
        using var client = sandbox.CreateClient();

        var ids = await ReadAllAsync(client, "v2/contact/search?size=200", 20_000);

        Assert.Equal(20_000, ids.Distinct().Count());
        Assert.True(ids.Zip(ids.Skip(1)).All(pair => pair.First < pair.Second), "ids are not in ascending order");
    }

    [Fact]
    public async Task Search_SortedByEmailDescending_ReturnsEachContactOnceInThatOrder()
    {
        await sandbox.ResetAsync(new { contacts = 5_000 });
        using var client = sandbox.CreateClient();

        var contacts = await ReadAllRecordsAsync(client, "v2/contact/search?size=200&sortBy=email&sortDirection=desc", 5_000);

        Assert.Equal(5_000, contacts.Select(contact => contact.Id()).Distinct().Count());
        var emails = contacts.Select(contact => contact.Text("email")).ToList();
        Assert.Equal(emails.OrderByDescending(email => email, StringComparer.OrdinalIgnoreCase), emails);
    }

    [Fact]
    public async Task Search_ModifiedAfter_FollowsCreatesUpdatesAndDeletes()
    {
        await sandbox.ResetAsync(new { contacts = 3_000 });
        using var client = sandbox.CreateClient();
        var seeded = (await client.GetJsonAsync("v2/contact/search?page=7&size=10"))["data"]!.AsArray().Select(contact => contact!).ToList();
        var clientId = seeded[0]["clientId"]!.GetValue<long>();
        Assert.Equal(0, await CountAsync(client, $"v2/contact/search?modifiedAfter={SeededBefore}"));

        sandbox.Clock.Advance(TimeSpan.FromMinutes(1));
        await PatchAsync(client, seeded[0].Id(), new { title = "Patched" });
        await PatchAsync(client, seeded[1].Id(), new { title = "Patched, then deleted" });
        using (var put = await client.PutAsJsonAsync($"v2/contact/{seeded[2].Text("uuid")}", new { clientId, email = seeded[2].Text("email"), lastName = "Put" }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await client.PostJsonAsync("v2/contact/upsert", new { email = seeded[3].Text("email").ToUpperInvariant(), title = "Upserted" }, 200);
        var batch = await client.PostJsonAsync("v2/workato/contact/batchUpsert", new object[]
        {
            new { email = seeded[4].Text("email"), title = "Batch" },
            new { clientId, email = "batch.new@example.com" },
        }, 200);
        var created = await client.PostJsonAsync("v2/contact", new { clientId, email = "created@example.com" });
        using (var deleted = await client.DeleteAsync($"v2/contact/{seeded[1].Id()}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        long[] expected = [seeded[0].Id(), seeded[2].Id(), seeded[3].Id(), seeded[4].Id(), batch["results"]![1]!.Id(), created.Id()];
        Assert.Equal(expected, await ReadAllAsync(client, $"v2/contact/search?modifiedAfter={SeededBefore}&size=4", expected.Length));
        Assert.Equal(3_001, await CountAsync(client, "v2/contact/search"));

        sandbox.Clock.Advance(TimeSpan.FromMinutes(1));
        var secondRound = sandbox.Clock.GetUtcNow().AddSeconds(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        await PatchAsync(client, seeded[3].Id(), new { title = "Again" });
        var newest = await client.GetJsonAsync($"v2/contact/search?modifiedAfter={SeededBefore}&sortBy=modifiedTime&sortDirection=desc&size=1");
        Assert.Equal(new[] { seeded[3].Id() }, await ReadAllAsync(client, $"v2/contact/search?modifiedAfter={secondRound}", 1));
        Assert.Equal(seeded[3].Id(), newest["data"]![0]!.Id());
        Assert.Equal(6, newest["totalElements"]!.GetValue<int>());
    }

    [Fact]
    public async Task Search_ByEmailAfterAnEmailChange_FindsTheContactByItsNewEmailOnly()
    {
        await sandbox.ResetAsync(new { contacts = 2_000 });
        using var client = sandbox.CreateClient();
        var contact = (await client.GetJsonAsync("v2/contact/search?page=3&size=1"))["data"]![0]!;
        var oldEmail = contact.Text("email");

        await PatchAsync(client, contact.Id(), new { email = "renamed@example.com" });
        var upserted = await client.PostJsonAsync("v2/contact/upsert", new { email = "RENAMED@example.com", title = "Found" }, 200);

        Assert.Equal(0, await CountAsync(client, $"v2/contact/search?email={Uri.EscapeDataString(oldEmail)}"));
        var found = await client.GetJsonAsync("v2/contact/search?email=renamed@example.com");
        Assert.Equal(new[] { contact.Id() }, found["data"]!.AsArray().Select(node => node!.Id()));
        Assert.Equal(contact.Id(), upserted.Id());
        Assert.Equal("Found", found["data"]![0]!.Text("title"));
    }

    [Fact]
    public async Task Search_ByClientAfterAMove_ListsTheContactUnderItsNewClient()
    {
        await sandbox.ResetAsync(new { contacts = 2_000 });
        using var client = sandbox.CreateClient();
        var contact = (await client.GetJsonAsync("v2/contact/search?page=5&size=1"))["data"]![0]!;
        var from = contact["clientId"]!.GetValue<long>();
        var to = from == 1001 ? 1002 : 1001;
        var before = await CountAsync(client, $"v2/contact/search?clientId={to}");

        await PatchAsync(client, contact.Id(), new { clientId = to });

        var moved = await ReadAllRecordsAsync(client, $"v2/contact/search?clientId={to}&size=200", before + 1);
        Assert.Contains(contact.Id(), moved.Select(node => node.Id()));
        Assert.All(moved, node => Assert.Equal(to, node["clientId"]!.GetValue<long>()));
        Assert.DoesNotContain(contact.Id(), (await ReadAllRecordsAsync(client, $"v2/contact/search?clientId={from}&size=200", null)).Select(node => node.Id()));
    }

    [Fact]
    public async Task PulseSearch_NewestFirstOverALargeStore_ReturnsEachPulseOnceAndANewPulseFirst()
    {
        await sandbox.ResetAsync(new { pulses = 4_000 });
        using var client = sandbox.CreateClient();

        var pulses = await ReadAllRecordsAsync(client, "v2/pulse/search?size=200", 4_000);
        var clientId = pulses[0]["clientId"]!.GetValue<long>();
        var created = await client.PostJsonAsync("v2/pulse", new { clientId, dispositionType = "SOME_RISK" });
        var newest = await client.GetJsonAsync("v2/pulse/search?size=1");

        Assert.Equal(4_000, pulses.Select(pulse => pulse.Id()).Distinct().Count());
        var times = pulses.Select(pulse => pulse.Text("createdTimestamp")).ToList();
        Assert.Equal(times.OrderDescending(StringComparer.OrdinalIgnoreCase), times);
        Assert.Equal(created.Id(), newest["data"]![0]!.Id());
        Assert.Equal(4_001, newest["totalElements"]!.GetValue<int>());
    }

    private static async Task PatchAsync(HttpClient client, long id, object body)
    {
        using var response = await client.PatchAsJsonAsync($"v2/contact/{id}", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<int> CountAsync(HttpClient client, string search) =>
        (await client.GetJsonAsync(search))["totalElements"]!.GetValue<int>();

    private static async Task<List<long>> ReadAllAsync(HttpClient client, string search, int expected) =>
        [.. (await ReadAllRecordsAsync(client, search, expected)).Select(record => record.Id())];

    /// <summary>Every page of a search, checking each envelope against the total the first page announced.</summary>
    private static async Task<List<JsonNode>> ReadAllRecordsAsync(HttpClient client, string search, int? expected)
    {
        var records = new List<JsonNode>();
        for (var page = 0; ; page++)
        {
            var body = await client.GetJsonAsync($"{search}&page={page}");
            var total = body["totalElements"]!.GetValue<int>();
            if (expected is not null)
            {
                Assert.Equal(expected, total);
            }

            records.AddRange(body["data"]!.AsArray().Select(record => record!));
            Assert.Equal(page == body["totalPages"]!.GetValue<int>() - 1, body["last"]!.GetValue<bool>());
            if (body["last"]!.GetValue<bool>())
            {
                Assert.Equal(total, records.Count);
                return records;
            }
        }
    }
}
