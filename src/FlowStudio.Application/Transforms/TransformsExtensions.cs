using FlowStudio.Engine.Transforms;

namespace FlowStudio.Application.Transforms;

internal static class TransformsExtensions
{
    /// <summary>Transforms: the engine's steps (scripts in the shared sandboxed evaluator), the use cases and the dataset refresh.</summary>
    public static void AddTransforms(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TransformValidator>();
        builder.Services.AddSingleton<RecordTransformer>();
        builder.Services.AddScoped<TransformProcessor>();
        builder.Services.AddScoped<TransformService>();
    }
}
