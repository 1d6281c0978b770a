using FlowStudio.Engine;
using System.Text.Json;

namespace FlowStudio.Application.Flows;

/// <summary>POST /api/flows/import: an exported document, and for each credential it references (by name) the id of the credential to use.</summary>
internal sealed record FlowImportRequest(JsonElement? Document, Dictionary<string, string>? Credentials);

/// <summary>What an import created (everything paused); a webhook source's token is shown in full here only.</summary>
internal sealed record FlowImported(SourceView Source, IReadOnlyList<DestinationView> Destinations, IReadOnlyList<LookupView> Lookups);

/// <summary>
/// An import's result: what it created, or why nothing was: the document is refused (<see cref="Refusal"/>), credential
/// references have no credential (<see cref="MissingCredentials"/>), or settings are invalid (<see cref="Errors"/>).
/// </summary>
internal sealed record FlowImportOutcome(
    FlowImported? Imported, string? Refusal, IReadOnlyList<CredentialReference> MissingCredentials, IReadOnlyList<FieldError> Errors)
{
    public static FlowImportOutcome Refused(string refusal) => new(null, refusal, [], []);
}
