namespace FlowStudio.Web.Features.Destinations;

/// <summary>Form and htmx fragment endpoints of the destination screens.</summary>
internal static class DestinationPages
{
    public static IEndpointRouteBuilder MapDestinationPages(this IEndpointRouteBuilder app) => app;
}
