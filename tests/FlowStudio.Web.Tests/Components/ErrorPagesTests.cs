using FlowStudio.Web.Features.Errors;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace FlowStudio.Web.Tests.Components;

public sealed class ErrorPagesTests
{
    [Fact]
    public async Task ErrorPage_InProduction_ShowsRequestIdButNotTheException()
    {
        await using var renderer = await ComponentRenderer.CreateAsync("http://localhost/error", environment: "Production");

        var document = await renderer.RenderAsync<CascadingValue<HttpContext>>(WithFailedRequest<ErrorPage>("0HN7:00000001"));

        Assert.Equal("0HN7:00000001", document.QuerySelector("[data-testid=request-id]")!.TextContent.Trim());
        Assert.DoesNotContain("database is locked", document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("at FlowStudio", document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorPage_InDevelopment_ShowsTheMessageButNoStackTrace()
    {
        await using var renderer = await ComponentRenderer.CreateAsync("http://localhost/error", environment: "Development");

        var document = await renderer.RenderAsync<CascadingValue<HttpContext>>(WithFailedRequest<ErrorPage>("0HN7:00000002"));

        var note = document.QuerySelector("[role=note]")!.TextContent;
        Assert.Contains("InvalidOperationException", note, StringComparison.Ordinal);
        Assert.Contains("database is locked", note, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotFoundPage_Render_OffersTheWayBackToFlows()
    {
        await using var renderer = await ComponentRenderer.CreateAsync("http://localhost/not-found");

        var document = await renderer.RenderAsync<NotFoundPage>();

        Assert.Equal("Page not found", document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("/", document.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Back to Flows").GetAttribute("href"));
    }

    private static Dictionary<string, object?> WithFailedRequest<TPage>(string traceIdentifier)
        where TPage : IComponent
    {
        var context = new DefaultHttpContext { TraceIdentifier = traceIdentifier };
        Exception error;
        try
        {
            throw new InvalidOperationException("database is locked");
        }
        catch (InvalidOperationException thrown)
        {
            error = thrown;
        }

        context.Features.Set<IExceptionHandlerFeature>(new ExceptionHandlerFeature { Error = error, Path = "/credentials" });
        return new Dictionary<string, object?>
        {
            ["Value"] = context,
            ["ChildContent"] = (RenderFragment)(builder =>
            {
                builder.OpenComponent<TPage>(0);
                builder.CloseComponent();
            }),
        };
    }
}
