using FlowStudio.Sandbox.Capture;
using FlowStudio.Sandbox.Clari;
using FlowStudio.Sandbox.ClientSuccess;
using FlowStudio.Sandbox.Control;
using FlowStudio.Sandbox.Zoho;

namespace FlowStudio.Sandbox;

public static class SandboxExtensions
{
    public static IServiceCollection AddSandbox(this IServiceCollection services)
    {
        services.AddSingleton<SandboxFaults>();
        services.AddSingleton<RequestLog>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ClientSuccessStore>();
        services.AddSingleton<ClariStore>();
        services.AddSingleton<ZohoStore>();
        return services;
    }

    /// <summary>Mounts the ClientSuccess, Clari and Zoho CRM simulators, the capture endpoint and the control endpoints under <paramref name="prefix"/>.</summary>
    public static IEndpointRouteBuilder MapSandbox(this IEndpointRouteBuilder app, string prefix = "/sandbox")
    {
        var sandbox = app.MapGroup(prefix).ExcludeFromDescription();
        sandbox.MapSandboxControl();
        sandbox.MapCapture();
        sandbox.MapGroup("/clientsuccess").AddEndpointFilter<RequestLogFilter>().AddEndpointFilter<FaultInjectionFilter>().MapClientSuccessApi();
        sandbox.MapGroup("/clari").AddEndpointFilter<RequestLogFilter>().AddEndpointFilter<FaultInjectionFilter>().MapClariApi();
        sandbox.MapGroup("/zoho").AddEndpointFilter<RequestLogFilter>().AddEndpointFilter<FaultInjectionFilter>().MapZohoApi();
        return app;
    }
}
