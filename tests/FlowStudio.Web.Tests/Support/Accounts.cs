using System.Net.Http.Json;
using System.Text.Json;

namespace FlowStudio.Web.Tests.Support;

/// <summary>Users made the way people are: invited by the owner through the API, password set on their link, key made after signing in.</summary>
internal static class Accounts
{
    public const string Password = "Member-Password-1";

    /// <summary>A new user with <paramref name="role"/> who has set <see cref="Password"/>; returns their id and email.</summary>
    public static async Task<(string Id, string Email)> InviteAsync(FlowStudioApp app, string role)
    {
        using var owner = app.CreateClient();
        var email = $"{role}-{Guid.NewGuid():N}@flowstudio.test";
        var invited = await owner.PostJsonAsync("/api/users", new { email, role }, 201);
        var link = new Uri(invited.GetProperty("setPasswordUrl").GetString()!);
        using var session = BrowserSession.Open(app);
        var response = await session.SubmitAsync(link.PathAndQuery, "form", new() { ["Input.Password"] = Password });
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return (invited.GetProperty("id").GetString()!, email);
    }

    /// <summary>A client sending the API key of a new user with <paramref name="role"/> (the user made it on signing in).</summary>
    public static async Task<HttpClient> KeyClientAsync(FlowStudioApp app, string role)
    {
        var (_, email) = await InviteAsync(app, role);
        using var session = await BrowserSession.SignInAsync(app, email, Password);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/api-keys") { Content = JsonContent.Create(new { name = "tests" }) };
        request.Headers.Add("X-FlowStudio-Request", "1");
        var response = await session.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var key = JsonDocument.Parse(body).RootElement.GetProperty("key").GetString()!;
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
