using FlowStudio.Sandbox.Clari;
using FlowStudio.Sandbox.ClientSuccess;
using FlowStudio.Sandbox.Control;

namespace FlowStudio.Sandbox;

public static class SandboxExtensions
{
    public static IServiceCollection AddSandbox(this IServiceCollection services)
    {
        services.AddSingleton<SandboxFaults>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ClientSuccessStore>();
        services.AddSingleton<ClariStore>();
        return services;
    }

    /// <summary>Mounts the ClientSuccess and Clari simulators and the control endpoints under <paramref name="prefix"/>.</summary>
    public static IEndpointRouteBuilder MapSandbox(this IEndpointRouteBuilder app, string prefix = "/sandbox")
    {
        var sandbox = app.MapGroup(prefix).ExcludeFromDescription();
        sandbox.MapSandboxControl();
        sandbox.MapGroup("/clientsuccess").AddEndpointFilter<FaultInjectionFilter>().MapClientSuccessApi();
        sandbox.MapGroup("/clari").AddEndpointFilter<FaultInjectionFilter>().MapClariApi();
        return app;
    }
}
