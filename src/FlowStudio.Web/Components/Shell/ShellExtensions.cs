namespace FlowStudio.Web.Components.Shell;

internal static class ShellExtensions
{
    /// <summary>What the interactive screens share: service calls in their own scope, and the change feed that pushes live updates.</summary>
    public static IServiceCollection AddShell(this IServiceCollection services) => services
        .AddScoped<UiCalls>()
        .AddSingleton<FlowEvents>();
}
