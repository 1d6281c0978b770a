using FlowStudio.Engine.Macros;
using FlowStudio.Engine.Tests.Support;

namespace FlowStudio.Engine.Tests.Macros;

public sealed class MacroExpanderTests
{
    // 2026-03-15T10:30:00Z
    private static MacroExpander CreateSut() => new(new ManualTimeProvider());

    private static DateMacroSettings Settings(string format = MacroDateFormats.Date, MacroTimeUnit unit = MacroTimeUnit.Day) => new(format, unit);

    [Theory]
    [InlineData("{now}", "2026-03-15")]
    [InlineData("{now-1}", "2026-03-14")]
    [InlineData("{now+1}", "2026-03-16")]
    [InlineData("{now-30}", "2026-02-13")]
    [InlineData("(now-4)", "2026-03-11")]
    [InlineData("{NOW-2}", "2026-03-13")]
    public void Expand_DayMacros_StepInDays(string macro, string expected) =>
        Assert.Equal($"https://api.example.com/x?since={expected}", CreateSut().Expand($"https://api.example.com/x?since={macro}", Settings()));

    [Theory]
    [InlineData(MacroTimeUnit.Minute, "2026-03-15 10:28:00")]
    [InlineData(MacroTimeUnit.Hour, "2026-03-15 08:30:00")]
    [InlineData(MacroTimeUnit.Day, "2026-03-13 10:30:00")]
    [InlineData(MacroTimeUnit.Week, "2026-03-01 10:30:00")]
    [InlineData(MacroTimeUnit.Month, "2026-01-15 10:30:00")]
    [InlineData(MacroTimeUnit.Year, "2024-03-15 10:30:00")]
    public void Expand_TimeUnit_StepsInThatUnit(MacroTimeUnit unit, string expected) =>
        Assert.Equal(Uri.EscapeDataString(expected), CreateSut().Expand("{now-2}", Settings(MacroDateFormats.DateTime, unit)));

    [Theory]
    [InlineData(MacroDateFormats.Iso8601, "2026-03-15T10:30:00Z")]
    [InlineData(MacroDateFormats.Date, "2026-03-15")]
    [InlineData(MacroDateFormats.CompactDate, "20260315")]
    [InlineData(MacroDateFormats.UsDate, "03/15/2026")]
    [InlineData(MacroDateFormats.EuropeanDate, "15-03-2026")]
    [InlineData(MacroDateFormats.DateTime, "2026-03-15 10:30:00")]
    [InlineData(MacroDateFormats.EpochSeconds, "1773570600")]
    [InlineData(MacroDateFormats.EpochMillis, "1773570600000")]
    public void Format_EachDateFormat_WritesTheDocumentedShape(string format, string expected) =>
        Assert.Equal(expected, MacroDateFormats.Format(new ManualTimeProvider().GetUtcNow(), format));

    [Fact]
    public void Expand_ValueWithReservedCharacters_IsUrlEncoded() =>
        Assert.Equal("/x?after=2026-03-15T10%3A30%3A00Z", CreateSut().Expand("/x?after={now}", Settings(MacroDateFormats.Iso8601)));

    [Fact]
    public void Expand_SeveralMacros_ReplacesEachAndKeepsTheRest() =>
        Assert.Equal(
            "/events?from=2026-03-08&to=2026-03-15&limit=10",
            CreateSut().Expand("/events?from={now-1}&to={now}&limit=10", Settings(MacroDateFormats.Date, MacroTimeUnit.Week)));

    [Fact]
    public void Expand_LookupMacro_UsesTheRowValueEncoded()
    {
        var row = new Dictionary<string, string> { ["id"] = "42", ["name"] = "Acme & Co" };

        var url = CreateSut().Expand("/v2/client/{clients.id}/notes?q={lookup.name}", Settings(), row);

        Assert.Equal("/v2/client/42/notes?q=Acme%20%26%20Co", url);
    }

    [Fact]
    public void Expand_LookupColumnMissing_NamesTheMacro()
    {
        var error = Assert.Throws<MacroException>(() =>
            CreateSut().Expand("/v2/client/{clients.uuid}", Settings(), new Dictionary<string, string> { ["id"] = "1" }));

        Assert.Equal("{clients.uuid}", error.Macro);
        Assert.Contains("uuid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_LookupMacroWithoutRow_AsksForALookup()
    {
        var error = Assert.Throws<MacroException>(() => CreateSut().Expand("/v2/client/{clients.id}", Settings()));

        Assert.Contains("lookup", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/x?d={nowx}", "{nowx}")]
    [InlineData("/x?d={now-}", "{now-}")]
    [InlineData("/x?d={now+}", "{now+}")]
    [InlineData("/x?d={now-1d}", "{now-1d}")]
    [InlineData("/x?d={today}", "{today}")]
    [InlineData("/x?d={}", "{}")]
    [InlineData("/x?d={now", "{now")]
    [InlineData("/x?d=now}", "}")]
    [InlineData("/x?d={now{now}", "{now")]
    public void Expand_MalformedOrUnknownMacro_ThrowsNamingIt(string url, string macro)
    {
        var error = Assert.Throws<MacroException>(() => CreateSut().Expand(url, Settings()));

        Assert.Equal(macro, error.Macro);
        Assert.Contains(macro, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{now-N}")]
    [InlineData("{now+N}")]
    [InlineData("{now - n}")]
    public void Validate_TheWordNInsteadOfANumber_AsksForAWholeNumber(string macro)
    {
        var problem = Assert.Single(MacroExpander.Validate($"/x?d={macro}"));

        Assert.Equal(macro, problem.Macro);
        Assert.Contains("needs a whole number of time units, e.g. {now-1} or {now-7}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ListsEveryProblem()
    {
        var problems = MacroExpander.Validate("/x?a={nowx}&b={now-}&c={now}");

        Assert.Equal(["{nowx}", "{now-}"], problems.Select(p => p.Macro));
    }

    [Fact]
    public void Expand_ParenthesesThatAreNotMacros_AreLeftAlone() =>
        Assert.Equal("/x?filter=(a%20OR%20b)", CreateSut().Expand("/x?filter=(a%20OR%20b)", Settings()));

    [Fact]
    public void UsesLookup_OnlyForLookupMacros()
    {
        Assert.True(MacroExpander.UsesLookup("/v2/client/{clients.id}"));
        Assert.False(MacroExpander.UsesLookup("/v2/client?since={now-1}"));
    }

    [Fact]
    public void Expand_Cursor_IsTheCursorUrlEncoded() =>
        Assert.Equal("https://api.example.com/x?modifiedAfter=2026-03-01T09%3A15%3A00.250Z&since=2026-03-14",
            CreateSut().Expand("https://api.example.com/x?modifiedAfter={cursor}&since={now-1}", Settings(), cursor: "2026-03-01T09:15:00.250Z"));

    [Fact]
    public void Expand_CursorBeforeAnyRun_IsEmpty() =>
        Assert.Equal("https://api.example.com/x?after=", CreateSut().Expand("https://api.example.com/x?after={Cursor}", Settings()));

    [Fact]
    public void Validate_MisspeltCursor_NamesTheCursorMacroAmongTheKnownOnes()
    {
        var problem = Assert.Single(MacroExpander.Validate("https://api.example.com/x?after={cursr}"));

        Assert.Equal("{cursr}", problem.Macro);
        Assert.Contains("{cursor}", problem.Message, StringComparison.Ordinal);
        Assert.True(MacroExpander.UsesCursor("https://api.example.com/x?after={cursor}"));
    }
}
