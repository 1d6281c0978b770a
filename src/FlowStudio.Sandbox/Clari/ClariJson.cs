using System.Text.Json;

namespace FlowStudio.Sandbox.Clari;

/// <summary>The simulator's own JSON settings (camelCase, web defaults), so the wire shape never depends on the hosting app's options.</summary>
internal static class ClariJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IResult Result(object? data, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(data, Options, statusCode: statusCode);
}
