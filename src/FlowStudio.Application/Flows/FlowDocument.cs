using System.Text.Json.Nodes;
using FlowStudio.Engine.Transforms;

namespace FlowStudio.Application.Flows;

/// <summary>
/// A flow exported as one JSON document: its source, the transforms of its dataset (and of theirs), the destinations
/// that send any of those datasets and the lookups the source's macros use, in sections. Credentials are referenced by connector and name (the configurations say which
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
    IReadOnlyList<FlowTransformExport> Transforms,
    IReadOnlyList<FlowDestinationExport> Destinations)
{
    /// <summary>What <see cref="Format"/> says in every FlowStudio flow export.</summary>
    public const string FormatName = "flowstudio.flow";

    /// <summary>The format version this FlowStudio writes; it reads this one and the ones before (1 had no transforms).</summary>
    public const int CurrentVersion = 2;
}

/// <summary>A credential the flow uses, by connector and name (names are unique), without any of its fields.</summary>
internal sealed record CredentialReference(string Connector, string Name);

/// <summary>A lookup with its rows as they were at export (a lookup filled by a source's dataset is imported as pasted rows).</summary>
internal sealed record LookupExport(string Name, string KeyColumn, List<JsonObject> Rows);

/// <summary>The source's configuration as its create request, with the credential by name and its lookups by name.</summary>
internal sealed record FlowSourceExport(string? Credential, CreateSourceRequest Config);

/// <summary>
/// A transform: <paramref name="Key"/> names it within the document, <paramref name="Input"/> is the key of the transform
/// whose output it reads, or null for the source's dataset. Transforms come after the one they read.
/// </summary>
internal sealed record FlowTransformExport(string Key, string? Input, string Name, IReadOnlyList<TransformStep> Steps);

/// <summary>
/// A destination's configuration as its create request, with the credential by name and no dataset: it sends the output
/// of the transform keyed <paramref name="Input"/>, or the source's dataset when that is null.
/// </summary>
internal sealed record FlowDestinationExport(string Credential, CreateDestinationRequest Config, string? Input = null);
