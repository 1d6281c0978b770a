using Bunit;
using FlowStudio.Web.Features.Lookups;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Components.Lookups;

[Collection(AppCollection.Name)]
public sealed class LookupsPageTests(FlowStudioApp app) : ComponentTest(app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Delete_LookupASourceUses_AsksFirstThenRefusesNamingTheSource()
    {
        using var client = App.CreateClient();
        var name = "regions" + Guid.NewGuid().ToString("N")[..6];
        var lookup = await client.PostJsonAsync("/api/lookups", new { name, rows = new[] { new { code = "emea" }, new { code = "apac" } } }, 201);
        var sourceName = "Per region " + Guid.NewGuid().ToString("N")[..6];
        await client.PostJsonAsync("/api/sources", new
        {
            name = sourceName,
            credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox"),
            manual = new { method = "GET", url = $"/v2/client/search?region={{{name}.code}}", dataPath = "$.data[*]", lookupIds = new[] { lookup.GetProperty("id").GetString() } },
        }, 201);

        var page = RenderWithProviders<LookupsPage>();
        page.WaitForAssertion(() => Assert.Contains($"{{{name}.code}}", Row(page, name).TextContent, StringComparison.Ordinal), Wait);
        Assert.Contains("Pasted rows", Row(page, name).TextContent, StringComparison.Ordinal);

        page.Find($"button[aria-label='Delete {name}']").Click();
        Providers.WaitForAssertion(() => Assert.Contains($"Delete the lookup “{name}”? Its macros stop working.", Providers.Markup, StringComparison.Ordinal), Wait);
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.Contains(sourceName, page.Find("[data-testid=lookups-problem]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Contains("choose another lookup there first", page.Find("[data-testid=lookups-problem]").TextContent, StringComparison.Ordinal);
        Assert.Contains(name, await client.GetStringAsync("/api/lookups"), StringComparison.Ordinal);
        Assert.NotNull(Row(page, name));
    }

    [Fact]
    public async Task NewLookup_BadNameAndRaggedRows_ShowsBothErrorsAtOnceAndKeepsWhatWasTyped()
    {
        var created = new List<LookupView>();
        var form = RenderWithProviders<NewLookupForm>(p => p.Add(x => x.OnCreated, lookup => created.Add(lookup)));

        form.Find("#lookup-name").Input("2 bad name");
        form.Find("#lookup-rows").Input("id,name\n1198,Acme\n1023");
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Contains("Line 3 has 1 values; the header has 2 columns.", form.Markup, StringComparison.Ordinal), Wait);
        Assert.Contains("Use letters, digits and underscores, starting with a letter", form.Markup, StringComparison.Ordinal);
        Assert.Equal("true", form.Find("#lookup-name").GetAttribute("aria-invalid"));
        Assert.Equal("true", form.Find("#lookup-rows").GetAttribute("aria-invalid"));
        Assert.Equal("2 bad name", form.Find("#lookup-name").GetAttribute("value"));
        Assert.Equal("id,name\n1198,Acme\n1023", form.Find("#lookup-rows").GetAttribute("value") ?? form.Find("#lookup-rows").TextContent);
        Assert.Empty(created);

        var name = "accounts_" + Guid.NewGuid().ToString("N")[..6];
        form.Find("#lookup-name").Input(name);
        form.Find("#lookup-rows").Input("id,name\n1198,Acme\n1023,\"Globex, Inc.\"");
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Single(created), Wait);
        Assert.Equal(name, created[0].Name);
        Assert.Equal(["id", "name"], created[0].Columns);
        Assert.Equal(2, created[0].RowCount);
        Assert.NotEqual("true", form.Find("#lookup-name").GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task EditRows_PastedLookup_ShowsItsRowsAndSavesNewOnes()
    {
        using var client = App.CreateClient();
        var name = "tiers" + Guid.NewGuid().ToString("N")[..6];
        await client.PostJsonAsync("/api/lookups", new { name, rows = new[] { new { tier = "gold", rank = "1" } } }, 201);
        var page = RenderWithProviders<LookupsPage>();
        page.WaitForAssertion(() => Assert.NotNull(Row(page, name)), Wait);

        page.Find($"button[aria-label='Edit rows of {name}']").Click();
        Providers.WaitForAssertion(() => Assert.Equal("tier,rank\ngold,1\n", Providers.Find("#edit-lookup-rows").GetAttribute("value")), Wait);
        Providers.Find("#edit-lookup-rows").Input("tier,rank\ngold,1\nsilver,2\nbronze,3");
        await Providers.Find("#edit-lookup-form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("3", Row(page, name).QuerySelector("td[data-label=Rows]")!.TextContent, StringComparison.Ordinal), Wait);
        Assert.Contains("Saved the rows of", Providers.Markup, StringComparison.Ordinal);
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<LookupsPage> page, string name) =>
        page.FindAll("[data-testid=lookups-table] tbody tr").Single(tr => tr.TextContent.Contains(name, StringComparison.Ordinal));
}
