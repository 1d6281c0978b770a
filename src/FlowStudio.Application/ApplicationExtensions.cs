using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Scripting;
using FlowStudio.Engine.Sources;
using Microsoft.Extensions.Options;

namespace FlowStudio.Application;

/// <summary>The application layer's services: data, use cases, the engine and the background runs.</summary>
internal static class ApplicationExtensions
{
    /// <summary>Registers everything the UI and the REST API share; both reach the data only through these services.</summary>
    public static void AddApplication(this WebApplicationBuilder builder)
    {
        builder.AddFlowStudioData();
        builder.AddTemplates();
        builder.Services.AddOptions<SandboxOptions>().Bind(builder.Configuration.GetSection(SandboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<HostAddress>();
        builder.Services.AddScoped<CredentialService>();
        builder.Services.AddScoped<SandboxCredentialSeeder>();
        builder.Services.AddScoped<ConnectionFactory>();
        builder.Services.AddScoped<ConnectionTester>();
        builder.AddEngine();
        builder.AddEngineRuntime();
        builder.Services.AddScoped<LookupService>();
        builder.Services.AddScoped<DatasetWriter>();
        builder.Services.AddScoped<DatasetService>();
        builder.Services.AddScoped<SourcePlanner>();
        builder.Services.AddScoped<SourceService>();
        builder.Services.AddScoped<SourceTester>();
        builder.Services.AddScoped<SourceOverview>();
        builder.Services.AddScoped<SourceDeletion>();
        builder.Services.AddScoped<IRunExecutor, SourceRunExecutor>();
        builder.Services.AddScoped<DestinationPlanner>();
        builder.Services.AddScoped<DestinationService>();
        builder.Services.AddScoped<DestinationQueries>();
        builder.Services.AddScoped<TestDataSender>();
        builder.Services.AddScoped<DestinationDryRun>();
        builder.Services.AddScoped<DeliveryStore>();
        builder.Services.AddScoped<ResponseWebhook>();
        builder.Services.AddSingleton<DeliverySlots>();
        builder.Services.AddScoped<SamplePayloads>();
        builder.Services.AddScoped<FlowService>();
        builder.Services.AddScoped<FlowExporter>();
        builder.Services.AddScoped<FlowImporter>();
        builder.Services.AddScoped<IRunExecutor, DestinationRunExecutor>();
        builder.Services.AddScoped<DeliveryPass>();
        builder.Services.AddScoped<DeliverySlicing>();
        builder.Services.AddScoped<DeliverySliceExecutor>();
        builder.Services.AddScoped<IScheduledTrigger, DeliveryTrigger>();
        builder.Services.AddSingleton<RunsInFlight>();
        builder.Services.AddScoped<RunCancellations>();
        builder.Services.AddSingleton<RunEvents>();
        builder.Services.AddScoped<RunLauncher>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ChangeActor>();
        builder.Services.AddScoped<VersionRecorder>();
        builder.Services.AddScoped<VersionService>();
        builder.Services.AddScoped<RunService>();
        builder.AddRunScheduling();
        builder.Services.AddScoped<WebhookReceiver>();
        builder.AddFlowEvents();
        builder.AddAlerts();
        builder.AddTransforms();
        builder.AddSyncs();
    }

    /// <summary>The engine's outbound HTTP: one client (its Polly pipeline retries and times out each attempt) and a shared token cache.</summary>
    private static void AddEngine(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ConnectorAuthenticator>();
        builder.AddOutbound();
        builder.Services.AddTransient<SourceReader>();
        builder.AddScripts();
        builder.Services.AddSingleton<PayloadBuilder>();
        builder.Services.AddSingleton<DestinationValidator>();
        builder.Services.AddSingleton<MappingValidator>();
        builder.Services.AddTransient<DeliveryRunner>();
        builder.Services.AddTransient<RemoteLookup>();
    }

    /// <summary>User scripts (grouping code): settings from section <c>Scripts</c>, checked at start; scripts run in worker processes.</summary>
    private static void AddScripts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ScriptOptions>()
            .Bind(builder.Configuration.GetSection(ScriptOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IScriptEvaluator>(services => new ScriptWorkerPool(
            services.GetRequiredService<IOptions<ScriptOptions>>().Value, services.GetRequiredService<TimeProvider>()));
    }

}
