using FlowStudio.Engine.Templates;

namespace FlowStudio.Application.Templates;

internal static class TemplatesExtensions
{
    /// <summary>Loads the endpoint templates once at start; a bad file is logged and the others still load.</summary>
    public static void AddTemplates(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services =>
        {
            var configured = builder.Configuration["Templates:Directory"];
            var directory = TemplateDirectory.Locate(configured, builder.Environment.ContentRootPath)
                ?? TemplateDirectory.Locate(configured, AppContext.BaseDirectory)
                ?? Path.Combine(builder.Environment.ContentRootPath, TemplateDirectory.Name);
            var catalog = TemplateCatalog.Load(directory);
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("FlowStudio.Templates");
            foreach (var problem in catalog.Problems)
            {
                logger.LogError("Template problem in {Directory}: {Problem}", directory, problem);
            }

            logger.LogInformation("Loaded {Count} endpoint templates from {Directory}", catalog.All.Count, directory);
            return catalog;
        });
    }
}
