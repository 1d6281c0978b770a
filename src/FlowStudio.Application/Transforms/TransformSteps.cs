using System.Text.Json;
using FlowStudio.Engine.Transforms;

namespace FlowStudio.Application.Transforms;

/// <summary>The stored shape of a transform's steps (JSON, camelCase), read and written in this one place.</summary>
internal static class TransformSteps
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static IReadOnlyList<TransformStep> Read(string json) => JsonSerializer.Deserialize<List<TransformStep>>(json, Json) ?? [];

    public static string Write(IEnumerable<TransformStep> steps) => JsonSerializer.Serialize(steps, Json);
}
