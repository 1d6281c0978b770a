using System.Text.Json.Nodes;

namespace FlowStudio.Application.Lookups;

internal sealed record CreateLookupRequest(string? Name, string? DatasetId, string? KeyColumn, List<JsonObject>? Rows);
