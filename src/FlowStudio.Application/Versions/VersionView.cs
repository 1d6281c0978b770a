using System.Text.Json;

namespace FlowStudio.Application.Versions;

/// <summary>A version in a resource's list: its number, when and by whom it was saved, and the version it restored.</summary>
public sealed record VersionView(int Number, DateTime At, string Author, int? RestoredFrom);

/// <summary>A version with its whole configuration, as the request that would store it again.</summary>
public sealed record VersionDetail(int Number, DateTime At, string Author, int? RestoredFrom, JsonElement Config);

/// <summary>One field that differs between two versions: its path (<c>manual.batching.batchSize</c>) and its values, null where it is absent.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);
