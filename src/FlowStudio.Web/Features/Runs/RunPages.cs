namespace FlowStudio.Web.Features.Runs;

/// <summary>Htmx fragment endpoints of the runs screens.</summary>
internal static class RunPages
{
    public static IEndpointRouteBuilder MapRunPages(this IEndpointRouteBuilder app) => app;
}
