namespace FlowStudio.Application.Syncs;

internal static class SyncsExtensions
{
    /// <summary>Two-way syncs between ClientSuccess and a CRM: settings, checks, the fields each side offers, the runs (initial import, pulls on the schedule, pushes on ClientSuccess's changes).</summary>
    public static void AddSyncs(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SyncFieldCatalog>();
        builder.Services.AddSingleton<SyncObjectValidator>();
        builder.Services.AddScoped<SyncValidator>();
        builder.Services.AddScoped<SyncService>();
        builder.Services.AddScoped<SyncEngine>();
        builder.Services.AddScoped<IRunExecutor, SyncRunExecutor>();
        builder.Services.AddScoped<IScheduledTrigger, SyncPullTrigger>();
        builder.Services.AddScoped<IScheduledTrigger, SyncPushPoller>();
    }
}
