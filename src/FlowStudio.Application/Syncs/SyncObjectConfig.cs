using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlowStudio.Application.Syncs;

/// <summary>
/// One object's checked settings, the stored shape of <see cref="Sync.ClientsJson"/> and <see cref="Sync.ContactsJson"/>:
/// <see cref="PullCron"/> is its own poll schedule (null: the sync's), and <see cref="PullDue"/> says that its schedule came
/// due and the sync's next run pulls it.
/// </summary>
internal sealed record SyncObjectConfig(
    SyncDirection Direction, SyncFilterMatch FilterMatch, IReadOnlyList<SyncConditionConfig> ImportFilter, IReadOnlyList<SyncFieldConfig> Fields,
    string? PullCron = null, bool PullDue = false)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string? Write(SyncObjectConfig? config) => config is null ? null : JsonSerializer.Serialize(config, Json);

    public static SyncObjectConfig? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<SyncObjectConfig>(json, Json);

    /// <summary>The settings <paramref name="sync"/> stores for <paramref name="obj"/>; null when it does not sync it.</summary>
    public static SyncObjectConfig? Of(Sync sync, SyncObject obj) => Read(obj == SyncObject.Client ? sync.ClientsJson : sync.ContactsJson);

    /// <summary>Stores <paramref name="config"/> as <paramref name="sync"/>'s settings for <paramref name="obj"/>.</summary>
    public static void Store(Sync sync, SyncObject obj, SyncObjectConfig? config)
    {
        if (obj == SyncObject.Client)
        {
            sync.ClientsJson = Write(config);
        }
        else
        {
            sync.ContactsJson = Write(config);
        }
    }

    /// <summary>The mapping of the CRM's id (the CRM ID mapping).</summary>
    public SyncFieldConfig IdMapping => Fields.First(f => f.CrmField == SyncFieldCatalog.CrmId);

    public SyncDirection EffectiveDirection(SyncFieldConfig field) => SyncWords.Effective(Direction, field.Direction);

    public SyncObjectRequest ToRequest() => new(
        Direction.ToWord(), FilterMatch.ToWord(),
        ImportFilter.Select(c => new SyncCondition(c.Field, c.Operator, c.Value)).ToList(),
        Fields.Select(f => new SyncFieldRequest(f.ClientSuccessField, f.CrmField, f.Direction?.ToWord())).ToList(),
        PullCron);

    public SyncObjectView ToView() => new(
        Direction.ToWord(), FilterMatch.ToWord(),
        ImportFilter.Select(c => new SyncCondition(c.Field, c.Operator, c.Value)).ToList(),
        Fields.Select(f => new SyncFieldView(
            f.ClientSuccessField, f.CrmField, f.Direction?.ToWord(), EffectiveDirection(f).ToWord(),
            Superseded: Direction != SyncDirection.PushAndPull && f.Direction is { } own && own != Direction)).ToList(),
        PullCron);
}

/// <summary>A checked import-filter condition; <see cref="Operator"/> is one of Zoho CRM's search operators.</summary>
internal sealed record SyncConditionConfig(string Field, string Operator, string Value);

/// <summary>A checked field mapping; a null <see cref="Direction"/> follows the object's.</summary>
internal sealed record SyncFieldConfig(string ClientSuccessField, string CrmField, SyncDirection? Direction);
