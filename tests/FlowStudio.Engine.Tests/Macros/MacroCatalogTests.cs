using FlowStudio.Engine.Macros;
using FlowStudio.Engine.Tests.Support;

namespace FlowStudio.Engine.Tests.Macros;

public sealed class MacroCatalogTests
{
    [Fact]
    public void List_DateMacros_ShowTheirValueNow()
    {
        var catalog = new MacroCatalog(new ManualTimeProvider());

        var list = catalog.List(new DateMacroSettings(MacroDateFormats.Date, MacroTimeUnit.Day));

        Assert.Equal("2026-03-15", list.Single(m => m.Macro == "{now}").Value);
        Assert.Equal("2026-03-14", list.Single(m => m.Macro == "{now-1}").Value);
        Assert.Equal("2026-03-16", list.Single(m => m.Macro == "{now+1}").Value);
        Assert.Contains("day", list.Single(m => m.Macro == "{now-1}").Description, StringComparison.Ordinal);
    }

    [Fact]
    public void List_EveryDateMacro_IsOneTheUrlAccepts_SoPickingItNeverInsertsAPlaceholder()
    {
        var list = new MacroCatalog(new ManualTimeProvider()).List(new DateMacroSettings(MacroDateFormats.Date, MacroTimeUnit.Day));

        Assert.All(list, m => Assert.Empty(MacroExpander.Validate($"/v2/pulse/search?since={m.Macro}")));
        Assert.Equal("2026-03-08", list.Single(m => m.Macro == "{now-7}").Value);
        Assert.Contains("change 7", list.Single(m => m.Macro == "{now-7}").Description, StringComparison.Ordinal);
        Assert.Equal("2026-03-22", list.Single(m => m.Macro == "{now+7}").Value);
    }

    [Fact]
    public void List_Lookups_AddOneMacroPerColumnWithASampleValue()
    {
        var catalog = new MacroCatalog(new ManualTimeProvider());
        var lookup = new LookupMacroSource("clients", ["id", "name"], new Dictionary<string, string> { ["id"] = "7", ["name"] = "Acme" });

        var list = catalog.List(DateMacroSettings.Default, [lookup]);

        Assert.Equal("7", list.Single(m => m.Macro == "{clients.id}").Value);
        Assert.Equal("Acme", list.Single(m => m.Macro == "{clients.name}").Value);
    }

    [Fact]
    public void All_DateFormatsAndUnits_HaveLabelsForTheMenus()
    {
        Assert.Equal(8, MacroDateFormats.All.Count);
        Assert.All(MacroDateFormats.All, f => Assert.False(string.IsNullOrWhiteSpace(f.Label)));
        Assert.Equal(["minute", "hour", "day", "week", "month", "year"], MacroTimeUnits.All.Select(u => u.Id));
    }

    [Theory]
    [InlineData("Day", MacroTimeUnit.Day)]
    [InlineData("weeks", MacroTimeUnit.Week)]
    [InlineData(null, MacroTimeUnit.Day)]
    public void TryParse_UnitNames_AreForgiving(string? text, MacroTimeUnit expected)
    {
        Assert.True(MacroTimeUnits.TryParse(text, out var unit));
        Assert.Equal(expected, unit);
    }

    [Fact]
    public void List_IncrementalSource_OffersCursorWithItsValue()
    {
        var list = new MacroCatalog(new ManualTimeProvider()).List(DateMacroSettings.Default, cursor: new CursorMacroSource("modifiedTime", "2026-03-01T09:15:00Z"));

        var cursor = Assert.Single(list, m => m.Macro == "{cursor}");
        Assert.Equal("2026-03-01T09:15:00Z", cursor.Value);
        Assert.Contains("modifiedTime", cursor.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(new MacroCatalog(new ManualTimeProvider()).List(DateMacroSettings.Default), m => m.Macro == "{cursor}");
    }
}
