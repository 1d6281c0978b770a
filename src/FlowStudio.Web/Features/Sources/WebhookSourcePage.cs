using FlowStudio.Web.Features.Flows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowStudio.Web.Features.Sources;

/// <summary>The New Data Flow wizard's webhook step posts its name here; the answer shows the new source's URL and token once.</summary>
internal static class WebhookSourcePage
{
    public static IEndpointRouteBuilder MapWebhookSourcePage(this IEndpointRouteBuilder app)
    {
        app.MapPost("/flows/new/webhook", CreateAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IFormCollection posted, SourceService sources, CancellationToken cancellationToken)
    {
        var name = posted["Name"].ToString();
        var (created, errors) = await sources.CreateAsync(new CreateSourceRequest(name, null, null, null, null, "webhook"), cancellationToken);
        if (created is null)
        {
            return new RazorComponentResult<WebhookStep>(new { Name = name, Error = string.Join(" ", errors.Select(e => e.Message)) })
            {
                StatusCode = StatusCodes.Status422UnprocessableEntity,
            };
        }

        var url = $"{context.Request.Scheme}://{context.Request.Host}{created.WebhookUrl}";
        return new RazorComponentResult<WebhookCreated>(new { SourceId = created.Id, created.Name, Url = url, Token = created.WebhookToken });
    }
}
