namespace FlowStudio.Web.Components.Shell;

internal static class ShellExtensions
{
    /// <summary>What the interactive screens share: service calls in their own scope (the change feed is the application's).</summary>
    public static IServiceCollection AddShell(this IServiceCollection services) => services.AddScoped<UiCalls>();
}
