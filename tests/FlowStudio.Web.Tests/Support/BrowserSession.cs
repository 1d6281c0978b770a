using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace FlowStudio.Web.Tests.Support;

/// <summary>
/// A client that behaves like a browser without script: keeps cookies, sends no API key, does not follow redirects, and
/// submits the app's server-rendered forms (hidden antiforgery and handler fields included).
/// </summary>
internal sealed class BrowserSession : IDisposable
{
    private BrowserSession(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    public static BrowserSession Open(FlowStudioApp app)
    {
        Uri root;
        using (var probe = app.CreateClient())
        {
            root = probe.BaseAddress!;
        }

        // Not CreateClient(options): on Kestrel its clients follow redirects whatever the options say.
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        return new BrowserSession(new HttpClient(handler) { BaseAddress = root });
    }

    public static async Task<BrowserSession> SignInAsync(FlowStudioApp app, string email, string password)
    {
        var session = Open(app);
        var response = await session.SubmitAsync("/account/sign-in", "form", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"signing in as {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return session;
    }

    public async Task<IHtmlDocument> PageAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {html}");
        return await new HtmlParser().ParseDocumentAsync(html);
    }

    /// <summary>Loads <paramref name="pageUrl"/>, fills the form matching <paramref name="formSelector"/> and submits it as the browser would.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string formSelector, Dictionary<string, string> fields)
    {
        var page = await PageAsync(pageUrl);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form {formSelector} on {pageUrl}.");
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return await Client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    public void Dispose() => Client.Dispose();
}
