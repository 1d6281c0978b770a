namespace FlowStudio.Web.Infrastructure;

/// <summary>Paths that programs call (the API, the mounted sandbox, the OpenAPI document): they answer with problem documents, never HTML pages.</summary>
internal static class MachinePaths
{
    public static bool Contains(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/sandbox") || path.StartsWithSegments("/openapi");
}
