using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Accounts;

/// <summary>
/// The pages served without a circuit (sign-in, first run, set password, access denied, error) look like the interactive UI
/// (MudBlazor's and the shell's styles) and load no script at all: their forms are plain posts that work at once.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PlainPagesTests(FlowStudioApp app)
{
    [Theory]
    [InlineData("/account/sign-in")]
    [InlineData("/account/set-password?userId=nobody&token=x")]
    [InlineData("/error")]
    public async Task PlainPage_Anonymous_HasTheNewStylesAndNoScript(string url)
    {
        using var session = BrowserSession.Open(app);

        var page = await session.PageAsync(url);

        AssertPlain(page);
    }

    [Fact]
    public async Task AccessDenied_Viewer_HasTheNewStylesAWayBackAndSignOut()
    {
        var (_, email) = await Support.Accounts.InviteAsync(app, "viewer");
        using var session = await BrowserSession.SignInAsync(app, email, Support.Accounts.Password);

        var page = await session.PageAsync("/account/access-denied");

        AssertPlain(page);
        Assert.Equal("Not allowed for your role", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("/", page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Back to Flows").GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("form[action='/account/sign-out'] button[type=submit]"));
    }

    [Fact]
    public async Task SignIn_Page_LabelsEachFieldAndPostsThem()
    {
        using var session = BrowserSession.Open(app);

        var page = await session.PageAsync("/account/sign-in");

        Assert.Equal("Email", page.QuerySelector("label[for=sign-in-email]")!.TextContent.Trim());
        Assert.Equal("Input.Email", page.QuerySelector("input#sign-in-email")!.GetAttribute("name"));
        Assert.Equal("Password", page.QuerySelector("label[for=sign-in-password]")!.TextContent.Trim());
        Assert.Equal("password", page.QuerySelector("input#sign-in-password")!.GetAttribute("type"));
        Assert.Equal("Sign in", page.QuerySelector("form button[type=submit]")!.TextContent.Trim());
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoAndKeepsTheEmail()
    {
        using var session = BrowserSession.Open(app);

        var response = await session.SubmitAsync("/account/sign-in", "form", new() { ["Input.Email"] = "nobody@flowstudio.test", ["Input.Password"] = "Wrong-Password-1" });
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal("The email or password is not right.", page.QuerySelector("[data-testid=sign-in-error]")!.TextContent.Trim());
        Assert.Equal("nobody@flowstudio.test", page.QuerySelector("input#sign-in-email")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("input#sign-in-password")!.GetAttribute("value"));
    }

    [Fact]
    public async Task FirstRun_BadEmailAndWeakPassword_ShowsBothErrorsAtOnceNextToTheirFields()
    {
        await using var fresh = new FlowStudioApp(new Dictionary<string, string?>
        {
            ["Auth:Bootstrap:Email"] = "",
            ["Auth:Bootstrap:Password"] = "",
            ["Auth:Bootstrap:ApiKey"] = "",
        });
        using var session = BrowserSession.Open(fresh);

        var response = await session.SubmitAsync("/account/setup", "form", new() { ["Input.Email"] = "not-an-email", ["Input.Password"] = "short" });
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        AssertPlain(page);
        Assert.Equal("Enter an email address, e.g. ada@example.com.", page.GetElementById("owner-email-error")!.TextContent.Trim());
        Assert.StartsWith("Use at least 10 characters", page.GetElementById("owner-password-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("owner-email-error", page.GetElementById("owner-email")!.GetAttribute("aria-describedby"));
        Assert.Equal("true", page.GetElementById("owner-password")!.GetAttribute("aria-invalid"));
        Assert.Equal("not-an-email", page.GetElementById("owner-email")!.GetAttribute("value"));
    }

    [Fact]
    public async Task UnknownAddress_SignedIn_AnswersNotFoundWithTheInteractiveShell()
    {
        using var session = await BrowserSession.SignInAsync(app, TestAccounts.OwnerEmail, TestAccounts.OwnerPassword);

        var response = await session.Client.GetAsync("/flows/does-not-exist");
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("nav[aria-label='Main']"));
        Assert.NotNull(page.QuerySelector("script[src='/_framework/blazor.web.js']"));
        Assert.Null(page.QuerySelector("link[href^='/dist/app.css']"));
    }

    private static void AssertPlain(IHtmlDocument page)
    {
        var styles = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!.Split('?')[0]).ToList();
        Assert.Equal(["/_content/MudBlazor/MudBlazor.min.css", "/dist/shell.css"], styles);
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Contains("--mud-palette-primary", string.Concat(page.QuerySelectorAll("style").Select(s => s.TextContent)), StringComparison.Ordinal);
    }
}
