using FlowStudio.Engine.Templates;
using FlowStudio.Web.Infrastructure;

namespace FlowStudio.Web.Features.Templates;

internal static class TemplatesApi
{
    public static RouteGroupBuilder MapTemplatesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/templates", List).WithName("ListTemplates").WithTags("Templates");
        api.MapGet("/templates/{id}", Get).WithName("GetTemplate").WithTags("Templates");
        return api;
    }

    private static IResult List(TemplateCatalog catalog, string? connector, string? direction)
    {
        if (direction is not (null or "source" or "destination"))
        {
            return ApiProblems.Invalid("direction", "Use 'source' or 'destination'.");
        }

        var templates = catalog.All
            .Where(t => connector is null || string.Equals(t.Connector, connector, StringComparison.OrdinalIgnoreCase))
            .Where(t => direction is null || t.Direction == direction)
            .Select(ToDto);
        return TypedResults.Ok(templates);
    }

    private static IResult Get(string id, TemplateCatalog catalog) =>
        catalog.Find(id) is { } template ? TypedResults.Ok(ToDto(template)) : ApiProblems.NotFound("Template", id);

    internal static object ToDto(EndpointTemplate t) => new
    {
        t.Id,
        t.Connector,
        t.Direction,
        t.Name,
        t.Description,
        t.Method,
        url = t.Path,
        parameters = t.Parameters.Select(p => new
        {
            p.Name,
            p.Label,
            p.Required,
            p.Type,
            p.Default,
            p.Description,
            p.In,
            options = p.Options.Count == 0 ? null : p.Options,
        }),
    };
}
