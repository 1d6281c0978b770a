using FlowStudio.Engine.Http;

namespace FlowStudio.Application.Alerts;

internal static class AlertsExtensions
{
    /// <summary>Alert rules, the background sender, and its channels: email (section <c>Alerts</c>, checked at start) and webhooks (through the outbound guard).</summary>
    public static void AddAlerts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlertOptions>()
            .Bind(builder.Configuration.GetSection(AlertOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<WebhookSecrets>();
        builder.Services.AddSingleton<AlertLinks>();
        builder.Services.AddSingleton<AlertComposer>();
        builder.Services.AddSingleton<EmailAlerts>();
        builder.Services.AddHttpClient<WebhookAlerts>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(services => services.GetRequiredService<OutboundPolicy>().CreateHandler());
        builder.Services.AddScoped<AlertRuleService>();
        builder.Services.AddScoped<AlertDispatcher>();
        builder.Services.AddSingleton<AlertQueue>();
        builder.Services.AddHostedService<AlertWorker>();
    }
}
