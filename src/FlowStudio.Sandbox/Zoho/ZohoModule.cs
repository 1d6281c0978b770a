namespace FlowStudio.Sandbox.Zoho;

/// <summary>A CRM module the simulator serves: its fields, its mandatory field and its system duplicate-check field.</summary>
internal sealed record ZohoModule(string ApiName, string Mandatory, string Unique, IReadOnlyList<ZohoField> Fields)
{
    private static readonly ZohoField[] SystemFields =
    [
        new("id", ZohoFieldType.Text, ReadOnly: true),
        new("Owner", ZohoFieldType.Lookup, ReadOnly: true),
        new("Created_Time", ZohoFieldType.DateTime, ReadOnly: true),
        new("Modified_Time", ZohoFieldType.DateTime, ReadOnly: true),
    ];

    public static readonly ZohoModule Accounts = new("Accounts", "Account_Name", "Account_Name",
    [
        .. SystemFields,
        new("Account_Name", ZohoFieldType.Text),
        new("Account_Status", ZohoFieldType.Picklist),
        new("Account_Type", ZohoFieldType.Picklist),
        new("Sync_with_ClientSuccess", ZohoFieldType.Boolean),
        new("Website", ZohoFieldType.Website),
        new("Phone", ZohoFieldType.Phone),
        new("Industry", ZohoFieldType.Picklist),
        new("Customer_Start_Date", ZohoFieldType.Date),
    ]);

    public static readonly ZohoModule Contacts = new("Contacts", "Last_Name", "Email",
    [
        .. SystemFields,
        new("First_Name", ZohoFieldType.Text),
        new("Last_Name", ZohoFieldType.Text),
        new("Email", ZohoFieldType.Email),
        new("Title", ZohoFieldType.Text),
        new("Phone", ZohoFieldType.Phone),
        new("Account_Name", ZohoFieldType.Lookup),
    ]);

    public static ZohoModule? Find(string apiName) =>
        string.Equals(apiName, Accounts.ApiName, StringComparison.OrdinalIgnoreCase) ? Accounts
        : string.Equals(apiName, Contacts.ApiName, StringComparison.OrdinalIgnoreCase) ? Contacts
        : null;

    public ZohoField? Field(string apiName) => Fields.FirstOrDefault(f => string.Equals(f.ApiName, apiName, StringComparison.Ordinal));
}
