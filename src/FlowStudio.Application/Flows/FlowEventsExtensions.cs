namespace FlowStudio.Application.Flows;

internal static class FlowEventsExtensions
{
    /// <summary>The change feed; on PostgreSQL also its relay to the other instances on the same database (SQLite is one process).</summary>
    public static void AddFlowEvents(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FlowEvents>();
        if (DataExtensions.Provider(builder.Configuration) == DatabaseProvider.Postgres)
        {
            var connection = builder.Configuration.GetConnectionString("FlowStudio")!;
            builder.Services.AddHostedService(services => ActivatorUtilities.CreateInstance<ClusterEvents>(services, connection));
        }
    }
}
