namespace FlowStudio.Application.Data;

internal sealed class Credential
{
    public required string Id { get; init; }

    public required string Connector { get; set; }

    public required string Name { get; set; }

    /// <summary>Non-secret fields (baseUrl, username, authType, headerName) as JSON.</summary>
    public required string PublicFieldsJson { get; set; }

    /// <summary>Secret fields as JSON, encrypted with ASP.NET Core Data Protection.</summary>
    public required string ProtectedSecrets { get; set; }

    public DateTime CreatedAt { get; init; }
}
