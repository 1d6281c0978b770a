using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>The tenant's collections. v1 and v2 routes read and write the same records (stored in the v2 shape).</summary>
internal sealed class ClientSuccessData
{
    public const long TenantId = 7301;

    public ClientSuccessData()
    {
        Collections = [Clients, Contacts, Contracts, ClientNotes, Pulses, ContractNotes, ContractAttachments];
    }

    // Distinct id ranges make a contact id passed where a client id belongs fail as it would against a real tenant.
    // Each collection indexes the fields its lookups and search filters match on.
    public RecordCollection Clients { get; } = new(1001, keys: [RecordKey.ExternalId, RecordKey.Name]);

    public RecordCollection Contacts { get; } = new(20001, keys: [RecordKey.Email, RecordKey.ClientId]);

    public RecordCollection Contracts { get; } = new(5001, keys: [RecordKey.ExternalId, RecordKey.TenantClientId]);

    public RecordCollection ClientNotes { get; } = new(70001, keys: [RecordKey.ClientId, RecordKey.ExternalSystemId]);

    public RecordCollection Pulses { get; } = new(90001, "createdTimestamp", RecordKey.ClientId);

    public RecordCollection ContractNotes { get; } = new(400001, keys: [RecordKey.ContractId]);

    public RecordCollection ContractAttachments { get; } = new(500001, keys: [RecordKey.ContractId]);

    private IReadOnlyList<RecordCollection> Collections { get; }

    /// <summary>Contract items live inside their contract's <c>items</c> array; this hands out their ids.</summary>
    public long NextContractItemId { get; set; } = 300001;

    /// <summary>v1-only client fields (jiraId, deskId, ...) that have no place in the v2 record, by client id.</summary>
    public Dictionary<long, JsonObject> ClientV1Fields { get; } = [];

    /// <summary>Deterministic uuids for records created after the seed, so a reset tenant replays identically.</summary>
    public Random UuidRandom { get; } = new(4242);

    public string NewUuid() => Uuids.Next(UuidRandom);

    public string NewContactUuid() => Uuids.NextContact(UuidRandom);

    public void BeginWrite()
    {
        foreach (var collection in Collections)
        {
            collection.BeginWrite();
        }
    }

    /// <summary>Stores every record handed out during the write and ends it.</summary>
    public void EndWrite()
    {
        foreach (var collection in Collections)
        {
            collection.EndWrite();
        }
    }
}
