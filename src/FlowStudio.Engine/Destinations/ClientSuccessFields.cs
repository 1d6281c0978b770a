namespace FlowStudio.Engine.Destinations;

/// <summary>The default destination fields of each ClientSuccess object (offered for field mapping).</summary>
public static class ClientSuccessFields
{
    private static readonly IReadOnlyList<DestinationField> Client =
    [
        new("name", "string", "Client account name", Required: true),
        new("status", "string", "Client status (ACTIVE, INACTIVE, TRIAL, TERMINATED)"),
        new("externalId", "string", "External identifier for cross-system matching"),
        new("siteUrl", "string", "Client website URL"),
        new("street", "string", "Street address"),
        new("city", "string", "City"),
        new("state", "string", "State or province"),
        new("zip", "string", "Postal code"),
        new("country", "string", "Country"),
    ];

    private static readonly IReadOnlyList<DestinationField> Contact =
    [
        new("clientId", "string", "UUID of the parent client", Required: true),
        new("email", "string", "Contact email address"),
        new("firstName", "string", "Contact first name"),
        new("lastName", "string", "Contact last name"),
        new("title", "string", "Job title"),
        new("phone", "string", "Phone number"),
    ];

    private static readonly IReadOnlyList<DestinationField> Contract =
    [
        new("clientId", "string", "UUID of the parent client", Required: true),
        new("name", "string", "Contract name"),
        new("amount", "number", "Contract value"),
        new("startDate", "string", "Contract start date (YYYY-MM-DD)"),
        new("endDate", "string", "Contract end date (YYYY-MM-DD)"),
    ];

    /// <summary>The fields of <paramref name="objectType"/>, required ones first.</summary>
    public static IReadOnlyList<DestinationField> For(ClientSuccessObject objectType) => objectType switch
    {
        ClientSuccessObject.Client => Client,
        ClientSuccessObject.Contact => Contact,
        ClientSuccessObject.Contract => Contract,
        _ => throw new ArgumentOutOfRangeException(nameof(objectType), objectType, null),
    };

    /// <summary>The fields every record of <paramref name="objectType"/> must have (Client: name; Contact, Contract: clientId).</summary>
    public static IReadOnlyList<string> Required(ClientSuccessObject objectType) =>
        For(objectType).Where(f => f.Required).Select(f => f.Name).ToList();

    /// <summary>Fields that must be dates written as YYYY-MM-DD.</summary>
    public static IReadOnlyList<string> Dates(ClientSuccessObject objectType) =>
        objectType == ClientSuccessObject.Contract ? ["startDate", "endDate"] : [];
}
