using System.Net;

namespace FlowStudio.Sandbox.Tests.Clari;

[Collection(SandboxCollection.Name)]
public sealed class ForecastTests(SandboxServer sandbox)
{
    [Fact]
    public async Task GetForecast_CrmTypes_AreAllowedAndReturnOneWeek()
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var response = await client.GetAsync("v4/forecast/net_new_arr?typesToExport=crm_total&typesToExport=crm_closed&includeHistorical=true");
        var payload = await ClariHttp.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, payload.GetProperty("timeFrames").GetArrayLength());
        Assert.All(payload.GetProperty("entries").EnumerateArray(), entry => Assert.True(entry.TryGetProperty("crmTotalValue", out _)));
        Assert.Equal(["entries", "fields", "timeFrames", "timePeriods", "users"], payload.EnumerateObject().Select(property => property.Name));
    }

    [Fact]
    public async Task GetForecast_Scope_LimitsUsersToTheManagersTeam()
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var payload = await ClariHttp.ReadJsonAsync(await client.GetAsync("v4/forecast/bookings?scopeId=1002::MGR"));
        var users = payload.GetProperty("users").EnumerateArray().ToList();

        Assert.Equal(7, users.Count);
        Assert.Equal("1002::MGR", users[0].GetProperty("scopeId").GetString());
        Assert.All(users.Skip(1), user => Assert.Equal("Sales Manager - East", user.GetProperty("parentHierarchyName").GetString()));
    }

    [Fact]
    public async Task GetForecast_UnknownScope_Returns401NoOptin()
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var response = await client.GetAsync("v4/forecast/bookings?scopeId=9999::MGR");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("no_optin", (await ClariHttp.ReadJsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task GetForecast_UnknownForecast_Returns400NoSuchForecastConfig()
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var response = await client.GetAsync("v4/forecast/unknown_tab");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("no_such_forecast_config", (await ClariHttp.ReadJsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task GetForecast_Currency_ConvertsValuesAndRejectsUnknownCurrency()
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var usd = await ClariHttp.ReadJsonAsync(await client.GetAsync("v4/forecast/renewals?typesToExport=quota"));
        var eur = await ClariHttp.ReadJsonAsync(await client.GetAsync("v4/forecast/renewals?typesToExport=quota&currency=EUR"));
        var bad = await client.GetAsync("v4/forecast/renewals?currency=XYZ");

        var usdQuota = usd.GetProperty("entries")[0].GetProperty("quotaValue").GetDecimal();
        var eurQuota = eur.GetProperty("entries")[0].GetProperty("quotaValue").GetDecimal();
        Assert.True(eurQuota < usdQuota);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("bad_request", (await ClariHttp.ReadJsonAsync(bad)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task GetForecast_SameRequestTwice_ReturnsSameNumbers()
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var first = await client.GetStringAsync("v4/forecast/net_new_arr?timePeriod=2025_Q4&typesToExport=forecast");
        var second = await client.GetStringAsync("v4/forecast/net_new_arr?timePeriod=2025_Q4&typesToExport=forecast");

        Assert.Equal(first, second);
    }
}
