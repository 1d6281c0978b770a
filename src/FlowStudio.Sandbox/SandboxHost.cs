namespace FlowStudio.Sandbox;

/// <summary>Runs the simulators on their own, serving the same paths as when mounted in the host.</summary>
public static class SandboxHost
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSandbox();
        var app = builder.Build();
        app.MapSandbox();
        await app.RunAsync();
    }
}
