namespace FlowStudio.Application.Syncs;

/// <summary>
/// The fields a sync can map on each side, per object: ClientSuccess clients and contacts (v2 fields that can be written),
/// and the CRM's accounts and contacts (Zoho CRM's Accounts and Contacts modules).
/// </summary>
public sealed class SyncFieldCatalog
{
    /// <summary>The CRM field that holds a record's id: the CRM ID mapping maps it.</summary>
    public const string CrmId = "id";

    /// <summary>The ClientSuccess contact field that holds its client: its mapping goes through the clients' pairs.</summary>
    public const string ContactClient = "clientId";

    /// <summary>The ClientSuccess client's type: an object there (<c>{id, title, key}</c>), its title on the CRM side.</summary>
    public const string ClientType = "clientType";

    private static readonly SyncField[] Clients =
    [
        new("externalId", "External ID (CRM ID)", "text"),
        new("name", "Client Name", "text", Required: true),
        new("siteUrl", "Website", "url"),
        new("status", "Status", "picklist"),
        new(ClientType, "Client Type", "picklist"),
        new("active", "Active", "boolean"),
        new("inceptionDate", "Client As Of Date", "date"),
        new("terminatedDate", "Terminated Date", "date"),
        new("street", "Street", "text"),
        new("city", "City", "text"),
        new("state", "State", "text"),
        new("zip", "Zip", "text"),
        new("country", "Country", "text"),
        new("timezone", "Time Zone", "text"),
        new("salesforceAccountId", "Salesforce Account ID", "text"),
        new("assignedSalesRep", "Assigned Sales Rep", "text"),
        new("usageId", "Usage ID", "text"),
        new("npsScore", "NPS Score", "number"),
        new("note", "Note", "text"),
    ];

    private static readonly SyncField[] Contacts =
    [
        new("externalId", "External ID (CRM ID)", "text"),
        new(ContactClient, "Client", "reference", Required: true),
        new("firstName", "First Name", "text"),
        new("lastName", "Last Name", "text"),
        new("email", "Email", "email"),
        new("title", "Title", "text"),
        new("phone", "Phone", "phone"),
        new("mobile", "Mobile", "phone"),
        new("linkedinUrl", "LinkedIn URL", "url"),
        new("street", "Street", "text"),
        new("city", "City", "text"),
        new("state", "State", "text"),
        new("zip", "Zip", "text"),
        new("country", "Country", "text"),
        new("timezone", "Time Zone", "text"),
        new("advocate", "Advocate", "boolean"),
        new("champion", "Champion", "boolean"),
        new("executiveSponsor", "Executive Sponsor", "boolean"),
        new("keyContact", "Key Contact", "boolean"),
    ];

    private static readonly SyncField[] Accounts =
    [
        new(CrmId, "Record Id", "id", ReadOnly: true),
        new("Account_Name", "Account Name", "text", Required: true),
        new("Account_Status", "Account Status", "picklist"),
        new("Account_Type", "Account Type", "picklist"),
        new("Sync_with_ClientSuccess", "Sync with ClientSuccess", "boolean"),
        new("Website", "Website", "url"),
        new("Phone", "Phone", "phone"),
        new("Industry", "Industry", "picklist"),
        new("Customer_Start_Date", "Customer Start Date", "date"),
        new("Created_Time", "Created Time", "datetime", ReadOnly: true),
        new("Modified_Time", "Modified Time", "datetime", ReadOnly: true),
    ];

    private static readonly SyncField[] CrmContacts =
    [
        new(CrmId, "Record Id", "id", ReadOnly: true),
        new("First_Name", "First Name", "text"),
        new("Last_Name", "Last Name", "text", Required: true),
        new("Email", "Email", "email"),
        new("Title", "Title", "text"),
        new("Phone", "Phone", "phone"),
        new("Account_Name", "Account Name", "lookup"),
        new("Created_Time", "Created Time", "datetime", ReadOnly: true),
        new("Modified_Time", "Modified Time", "datetime", ReadOnly: true),
    ];

    /// <summary>The fields of <paramref name="obj"/> on <paramref name="side"/>, in the order the dropdowns show them.</summary>
    public IReadOnlyList<SyncField> Fields(SyncSide side, SyncObject obj) => (side, obj) switch
    {
        (SyncSide.ClientSuccess, SyncObject.Client) => Clients,
        (SyncSide.ClientSuccess, _) => Contacts,
        (_, SyncObject.Client) => Accounts,
        _ => CrmContacts,
    };

    public SyncField? Find(SyncSide side, SyncObject obj, string? name) =>
        Fields(side, obj).FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    /// <summary>The CRM's module that holds <paramref name="obj"/>: "Accounts" or "Contacts".</summary>
    public static string CrmModule(SyncObject obj) => obj == SyncObject.Client ? "Accounts" : "Contacts";
}
