using System.Text.Json;
using FlowStudio.Web.Htmx;
using Microsoft.AspNetCore.Http;

namespace FlowStudio.Web.Tests.Htmx;

public sealed class HtmxHttpExtensionsTests
{
    [Fact]
    public void IsHtmx_HxRequestHeader_True()
    {
        var context = CreateSut(("HX-Request", "true"));

        Assert.True(context.Request.IsHtmx());
        Assert.False(context.Request.IsHtmxBoosted());
    }

    [Fact]
    public void IsHtmx_PlainBrowserRequest_False()
    {
        var context = CreateSut();

        Assert.False(context.Request.IsHtmx());
        Assert.False(context.Request.IsHtmxBoosted());
        Assert.Null(context.Request.HtmxTriggerId());
    }

    [Fact]
    public void IsHtmxBoosted_BoostedLink_True()
    {
        var context = CreateSut(("HX-Request", "true"), ("HX-Boosted", "true"), ("HX-Trigger", "save-button"));

        Assert.True(context.Request.IsHtmxBoosted());
        Assert.Equal("save-button", context.Request.HtmxTriggerId());
    }

    [Fact]
    public void HtmxTrigger_OneEventWithoutDetail_SendsItsName()
    {
        var context = CreateSut();

        context.Response.HtmxTrigger("credentialCreated");

        Assert.Equal("credentialCreated", context.Response.Headers["HX-Trigger"].ToString());
    }

    [Fact]
    public void HtmxTrigger_TwoEvents_SendsBothAsJsonWithDetail()
    {
        var context = CreateSut();

        context.Response.HtmxTrigger("credentialCreated").HtmxTrigger("showMessage", new { text = "Saved" });

        using var json = JsonDocument.Parse(context.Response.Headers["HX-Trigger"].ToString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("credentialCreated").ValueKind);
        Assert.Equal("Saved", json.RootElement.GetProperty("showMessage").GetProperty("text").GetString());
    }

    [Fact]
    public void ResponseHelpers_Chained_SetEveryHeader()
    {
        var context = CreateSut();

        context.Response
            .HtmxRedirect("/credentials")
            .HtmxRetarget("#credential-form")
            .HtmxReswap("outerHTML")
            .HtmxPushUrl("/credentials?created=1");

        Assert.Equal("/credentials", context.Response.Headers["HX-Redirect"].ToString());
        Assert.Equal("#credential-form", context.Response.Headers["HX-Retarget"].ToString());
        Assert.Equal("outerHTML", context.Response.Headers["HX-Reswap"].ToString());
        Assert.Equal("/credentials?created=1", context.Response.Headers["HX-Push-Url"].ToString());
    }

    [Fact]
    public void HtmxRedirect_EmptyUrl_Throws()
    {
        var context = CreateSut();

        Assert.Throws<ArgumentException>(() => context.Response.HtmxRedirect(""));
    }

    private static DefaultHttpContext CreateSut(params (string Name, string Value)[] requestHeaders)
    {
        var context = new DefaultHttpContext();
        foreach (var (name, value) in requestHeaders)
        {
            context.Request.Headers[name] = value;
        }

        return context;
    }
}
