using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;
using Microsoft.Extensions.Options;

namespace FlowStudio.Application.Outbound;

internal static class OutboundExtensions
{
    /// <summary>
    /// The engine's one outbound HttpClient: every connection passes the outbound guard, redirects are followed by
    /// <see cref="ApiClient"/> (credentials stay on their origin), bodies are capped. While the sandbox is mounted, the
    /// app's own address is reachable under <c>/sandbox/</c> only.
    /// </summary>
    public static void AddOutbound(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboundOptions>()
            .Bind(builder.Configuration.GetSection(OutboundOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<OutboundOptions>>().Value;
            var sandbox = services.GetRequiredService<IOptions<SandboxOptions>>().Value;
            var host = services.GetRequiredService<HostAddress>();
            IReadOnlyList<ConfinedOrigin> self = [];
            return new OutboundPolicy(
                options.Allow.Select(AllowRule.Parse),
                () => sandbox.Enabled ? (self.Count > 0 ? self : self = SandboxOrigins(host)) : []);
        });
        builder.Services.AddHttpClient<ApiClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(services => services.GetRequiredService<OutboundPolicy>().CreateHandler())
            .AddTypedClient((http, services) => new ApiClient(
                http,
                services.GetRequiredService<ConnectorAuthenticator>(),
                services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<OutboundPolicy>(),
                services.GetRequiredService<IOptions<OutboundOptions>>().Value.MaxResponseBytes));
    }

    // Where sandbox credentials may be sent: this host's own /sandbox/, and the configured web instance's.
    private static List<ConfinedOrigin> SandboxOrigins(HostAddress host)
    {
        var origins = host.SelfOrigins(HostAddress.SandboxPrefix).ToList();
        if (host.SandboxOrigin is { } elsewhere)
        {
            origins.Add(new ConfinedOrigin(elsewhere, HostAddress.SandboxPrefix));
        }

        return origins;
    }
}
