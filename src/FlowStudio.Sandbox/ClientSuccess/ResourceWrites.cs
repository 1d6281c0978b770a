using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>How one resource is validated, created and updated, so the shared route handlers can serve it.</summary>
internal sealed record ResourceWrites(
    string Name,
    Func<ClientSuccessData, RecordCollection> Collection,
    Func<ClientSuccessData, JsonObject, bool, List<FieldError>> Check,
    Func<ClientSuccessData, JsonObject, string, JsonObject> Insert,
    Func<ClientSuccessData, JsonObject, JsonObject, bool, string, JsonObject> Update)
{
    public static readonly ResourceWrites Clients = new(
        "Client", data => data.Clients, (_, body, requireAll) => ClientRecords.Check(body, requireAll), ClientRecords.Insert, ClientRecords.Update);

    public static readonly ResourceWrites Contacts = new(
        "Contact", data => data.Contacts, ContactRecords.Check, ContactRecords.Insert, ContactRecords.Update);

    public static readonly ResourceWrites Contracts = new(
        "Contract", data => data.Contracts, ContractRecords.Check, ContractRecords.Insert, ContractRecords.Update);

    public static readonly ResourceWrites ClientNotes = new(
        "Client note", data => data.ClientNotes, ClientNoteRecords.Check, ClientNoteRecords.Insert, ClientNoteRecords.Update);
}
