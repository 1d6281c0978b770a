using System.Text.Json.Nodes;

namespace FlowStudio.Application.Flows;

/// <summary>
/// A flow exported as one JSON document: its source, the destinations that send its dataset and the lookups the
/// source's macros use, in sections. Credentials are referenced by connector and name (the configurations say which
/// one by <see cref="FlowSourceExport.Credential"/>), never with a secret; the importer maps each to a credential of its own.
/// <see cref="FormatVersion"/> changes when a section is added or changes shape, so an older FlowStudio refuses what it
/// would import only in part.
/// </summary>
internal sealed record FlowDocument(
    string Format,
    int FormatVersion,
    DateTime ExportedAt,
    IReadOnlyList<CredentialReference> Credentials,
    IReadOnlyList<LookupExport> Lookups,
    FlowSourceExport Source,
    IReadOnlyList<FlowDestinationExport> Destinations)
{
    /// <summary>What <see cref="Format"/> says in every FlowStudio flow export.</summary>
    public const string FormatName = "flowstudio.flow";

    /// <summary>The format version this FlowStudio writes and reads.</summary>
    public const int CurrentVersion = 1;
}

/// <summary>A credential the flow uses, by connector and name (names are unique), without any of its fields.</summary>
internal sealed record CredentialReference(string Connector, string Name);

/// <summary>A lookup with its rows as they were at export (a lookup filled by a source's dataset is imported as pasted rows).</summary>
internal sealed record LookupExport(string Name, string KeyColumn, List<JsonObject> Rows);

/// <summary>The source's configuration as its create request, with the credential by name and its lookups by name.</summary>
internal sealed record FlowSourceExport(string? Credential, CreateSourceRequest Config);

/// <summary>A destination's configuration as its create request, with the credential by name and no dataset (it sends the source's).</summary>
internal sealed record FlowDestinationExport(string Credential, CreateDestinationRequest Config);
