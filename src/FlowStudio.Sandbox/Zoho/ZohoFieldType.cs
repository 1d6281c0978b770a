namespace FlowStudio.Sandbox.Zoho;

internal enum ZohoFieldType
{
    Text,
    Picklist,
    Boolean,
    Email,
    Phone,
    Website,
    Date,
    Lookup,
    DateTime,
}

internal sealed record ZohoField(string ApiName, ZohoFieldType Type, bool ReadOnly = false);
