namespace FlowStudio.Web.Infrastructure;

/// <summary>Paths answered for programs (JSON, problem documents), never with HTML pages.</summary>
internal static class MachinePaths
{
    public static bool Is(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/sandbox") || path.StartsWithSegments("/openapi");
}
