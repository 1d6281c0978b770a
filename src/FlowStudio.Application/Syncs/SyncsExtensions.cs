namespace FlowStudio.Application.Syncs;

internal static class SyncsExtensions
{
    /// <summary>Two-way syncs between ClientSuccess and a CRM: settings, checks and the fields each side offers.</summary>
    public static void AddSyncs(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SyncFieldCatalog>();
        builder.Services.AddSingleton<SyncObjectValidator>();
        builder.Services.AddScoped<SyncValidator>();
        builder.Services.AddScoped<SyncService>();
    }
}
