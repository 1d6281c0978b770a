using FlowStudio.Application;
using FlowStudio.Web.Extensions;

var builder = WebApplication.CreateBuilder(HostArguments.For(args));
builder.AddFlowStudio();

var app = builder.Build();
await app.UseFlowStudioAsync();
await app.RunAsync();

/// <summary>Entry point; public so tests can host the app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
