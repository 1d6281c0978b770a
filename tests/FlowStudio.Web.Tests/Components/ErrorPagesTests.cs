using Bunit;
using FlowStudio.Web.Features.Errors;
using FlowStudio.Web.Tests.Components.Shell;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace FlowStudio.Web.Tests.Components;

public sealed class ErrorPagesTests : ShellTest
{
    [Fact]
    public void ErrorPage_InProduction_ShowsRequestIdButNotTheException()
    {
        var page = RenderErrorPage("Production", "0HN7:00000001");

        Assert.Equal("0HN7:00000001", page.Find("[data-testid=request-id]").TextContent.Trim());
        Assert.Equal("Something went wrong", page.Find("h1").TextContent.Trim());
        Assert.DoesNotContain("database is locked", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("at FlowStudio", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorPage_InDevelopment_ShowsTheMessageButNoStackTrace()
    {
        var page = RenderErrorPage("Development", "0HN7:00000002");

        var note = page.Find("[role=note]").TextContent;
        Assert.Contains("InvalidOperationException", note, StringComparison.Ordinal);
        Assert.Contains("database is locked", note, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", note, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorPage_Always_OffersTheWayBackToFlows()
    {
        var page = RenderErrorPage("Production", "0HN7:00000003");

        Assert.Equal("/", page.FindAll("a").Single(a => a.TextContent.Trim() == "Back to Flows").GetAttribute("href"));
    }

    [Fact]
    public void NotFoundPage_Render_SaysSoAndOffersTheWayBackToFlows()
    {
        var page = Render<NotFoundPage>();

        Assert.Equal("Page not found", page.Find("h1").TextContent.Trim());
        Assert.Contains("There is no page at this address.", page.Markup, StringComparison.Ordinal);
        Assert.Equal("/", page.FindAll("a").Single(a => a.TextContent.Trim() == "Back to Flows").GetAttribute("href"));
    }

    private IRenderedComponent<Microsoft.AspNetCore.Components.CascadingValue<HttpContext>> RenderErrorPage(string environment, string traceIdentifier)
    {
        Services.AddSingleton<IWebHostEnvironment>(new FixedEnvironment { EnvironmentName = environment });
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
        return Render<Microsoft.AspNetCore.Components.CascadingValue<HttpContext>>(p => p
            .Add(c => c.Value, context)
            .AddChildContent<ErrorPage>());
    }

    private sealed class FixedEnvironment : IWebHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "FlowStudio.Web";

        public string WebRootPath { get; set; } = "";

        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();

        public string ContentRootPath { get; set; } = "";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
