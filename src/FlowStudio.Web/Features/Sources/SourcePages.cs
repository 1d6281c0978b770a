namespace FlowStudio.Web.Features.Sources;

/// <summary>Form and htmx fragment endpoints of the source screens.</summary>
internal static class SourcePages
{
    public static IEndpointRouteBuilder MapSourcePages(this IEndpointRouteBuilder app) => app;
}
