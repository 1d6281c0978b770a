namespace FlowStudio.Sandbox.Clari;

/// <summary>The entities enabled in the sandbox partner schema (the Nexla Clari destination lists these four).</summary>
internal static class IngestEntities
{
    public static readonly IReadOnlyList<string> All = ["account", "opportunity", "contact", "activity"];

    public static string? Normalize(string entity)
    {
        var lower = entity.ToLowerInvariant();
        return All.Contains(lower) ? lower : null;
    }

    // The spec's example gives this summary the INVALID_INPUT_FORMAT code.
    public static IngestError NotEnabled() =>
        IngestError.InputFormat("Entity is not valid/enabled for integration. Please try again with a valid/enabled entity");
}
