namespace FlowStudio.Engine.Destinations;

/// <summary>The ClientSuccess object a sync writes (Target Settings → Object Type).</summary>
public enum ClientSuccessObject
{
    /// <summary>Client accounts (<c>/v2/client</c>).</summary>
    Client,

    /// <summary>Contacts of a client (<c>/v2/contact</c>).</summary>
    Contact,

    /// <summary>Contracts of a client (<c>/v2/contract</c>).</summary>
    Contract,
}

/// <summary>How a ClientSuccess sync writes records.</summary>
public enum SyncMode
{
    /// <summary>Create records: bulk create in batches of up to 100 for clients and contacts, one by one for contracts.</summary>
    Insert,

    /// <summary>Replace existing records by their <c>uuid</c>, one request per row.</summary>
    Update,

    /// <summary>Create or update through the native upsert endpoint, one request per record.</summary>
    Upsert,
}

/// <summary>A field of a destination object, as offered for field mapping.</summary>
/// <param name="Name">The destination field name, e.g. "externalId".</param>
/// <param name="Type">"string" or "number".</param>
/// <param name="Description">What the field holds.</param>
/// <param name="Required">Whether every record must have a value for it.</param>
public sealed record DestinationField(string Name, string Type, string Description, bool Required = false);
