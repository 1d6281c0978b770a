namespace FlowStudio.Application.Destinations;

/// <summary>The endpoint a destination sends to, in a few words: the template's name, the sync, or "Manual".</summary>
internal static class DestinationEndpoints
{
    public static string Describe(DestinationView destination) =>
        destination.TemplateName ?? (destination.Sync is { } sync ? $"{sync.Mode} {sync.ObjectType}s (sync)" : "Manual");
}
