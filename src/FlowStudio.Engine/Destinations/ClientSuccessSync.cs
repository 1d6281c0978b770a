using FlowStudio.Engine.Http;

namespace FlowStudio.Engine.Destinations;

/// <summary>
/// A ClientSuccess sync: object type, sync mode and field mapping, turned into the <see cref="DestinationConfig"/>
/// that <see cref="PayloadBuilder"/> and <see cref="DeliveryRunner"/> use. Insert bulk-creates clients and contacts
/// (<c>POST /v2/{object}/bulk</c>, batches of up to 100) and creates contracts one by one (<c>POST /v2/contract</c>);
/// Update sends <c>PUT /v2/{object}/{uuid}</c> per row; Upsert sends <c>POST /v2/{object}/upsert</c> per record.
/// Required fields and contract dates are checked per record, so one bad record never sinks a batch.
/// </summary>
/// <param name="ObjectType">Client, Contact or Contract.</param>
/// <param name="Mode">Insert, Update or Upsert.</param>
/// <param name="FieldMapping">Dataset field → destination field; null or empty sends the record's fields as they are.</param>
public sealed record ClientSuccessSync(
    ClientSuccessObject ObjectType,
    SyncMode Mode,
    IReadOnlyDictionary<string, string>? FieldMapping = null)
{
    /// <summary>The largest bulk create ClientSuccess accepts.</summary>
    public const int BulkLimit = 100;

    /// <summary>The field that names the record an update replaces.</summary>
    public const string UuidField = "uuid";

    /// <summary>The failure of an update row without a uuid.</summary>
    public const string MissingUuidMessage = "Update failed: uuid is required";

    /// <summary>The destination config that carries out this sync; paths are relative to the credential's base URL.</summary>
    /// <param name="retry">Retries per call (default: 3 with exponential backoff).</param>
    public DestinationConfig ToDestinationConfig(RetryOptions? retry = null)
    {
        var resource = "/v2/" + ObjectType.ToString().ToLowerInvariant();
        var required = ClientSuccessFields.Required(ObjectType)
            .Select(field => new RequiredField(field, $"{ObjectType} requires {field}: the record has no value for it"))
            .ToList();
        var mapping = FieldMapping is { Count: > 0 }
            ? FieldMapping.Select(pair => Destinations.FieldMapping.FromAttribute(pair.Value, pair.Key)).ToList()
            : null;
        var config = new DestinationConfig { Retry = retry ?? RetryOptions.Default };
        switch (Mode)
        {
            case SyncMode.Insert when ObjectType != ClientSuccessObject.Contract:
                config = config with
                {
                    Url = resource + "/bulk",
                    Batching = new BatchingOptions { Enabled = true, BatchSize = BulkLimit },
                    BodyTemplate = new Newtonsoft.Json.Linq.JValue(Templates.DeliverySpec.RecordsToken),
                };
                break;
            case SyncMode.Insert:
                config = config with { Url = resource };
                break;
            case SyncMode.Update:
                if (mapping is not null && !mapping.Exists(m => m.Field == UuidField))
                {
                    mapping.Add(Destinations.FieldMapping.FromAttribute(UuidField, UuidField));
                }

                required.Insert(0, new RequiredField(UuidField, MissingUuidMessage));
                config = config with
                {
                    Method = "PUT",
                    Url = resource + "/{" + UuidField + "}",
                    ExcludeAttributes = [UuidField],
                };
                break;
            case SyncMode.Upsert:
                config = config with { Url = resource + "/upsert" };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(Mode), Mode, null);
        }

        return config with
        {
            Shape = new RecordShape(mapping, required, ClientSuccessFields.Dates(ObjectType)),
            Idempotent = Mode != SyncMode.Insert,
        };
    }
}
