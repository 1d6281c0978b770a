using System.Text.Json.Nodes;
using FlowStudio.Sandbox.Control;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>Builds the deterministic sandbox tenant: same counts, same records, byte for byte.</summary>
internal static class ClientSuccessSeeder
{
    private const int RandomSeed = 20260101;

    /// <summary>Records seeded between commits: each batch is stored as bytes before the next is built.</summary>
    public const int CommitEvery = 1000;

    public static ClientSuccessData Seed(SeedCounts counts)
    {
        var data = new ClientSuccessData();
        data.BeginWrite();
        var random = new SeedRandom(RandomSeed);
        SeedClients.Add(data, random, Math.Max(0, counts.Clients));
        if (data.Clients.Count > 0)
        {
            SeedClients.AddContacts(data, random, Math.Max(0, counts.Contacts));
            SeedContracts.Add(data, random, Math.Max(0, counts.Contracts));
            SeedActivity.AddClientNotes(data, random, Math.Max(0, counts.ClientNotes));
            SeedActivity.AddPulses(data, random, Math.Max(0, counts.Pulses));
        }

        data.EndWrite();
        return data;
    }

    /// <summary>Stores a seeded batch so its records are held as bytes, not as live objects, while the seed goes on.</summary>
    public static void CommitBatch(int index, params RecordCollection[] collections)
    {
        if ((index + 1) % CommitEvery == 0)
        {
            foreach (var collection in collections)
            {
                collection.Commit();
            }
        }
    }

    /// <summary>A random seeded client (clients have ids from their collection's first id upward, without gaps).</summary>
    public static JsonObject PickClient(ClientSuccessData data, SeedRandom random) =>
        data.Clients.Get(data.Clients.NextId - data.Clients.Count + random.Next(data.Clients.Count))!;
}
