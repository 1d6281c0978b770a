using FlowStudio.Engine;
using FlowStudio.Web.Features.Sources;

namespace FlowStudio.Web.Tests.Components.Sources;

public sealed class ScheduleFieldsTests
{
    [Fact]
    public async Task Render_CronInNewYork_ShowsTheDayRuleTheWordsAndFiveRunsAtNineOnTheZonesClock()
    {
        await using var renderer = await SourceScreensRenderer.CreateAsync();

        var html = await renderer.RenderAsync<ScheduleFields>(new Dictionary<string, object?>
        {
            ["Schedule"] = new ScheduleForm { Kind = "cron", Cron = "0 9 * * MON-FRI", TimeZone = "America/New_York" },
        });

        Assert.Contains("a day matches either one", html.QuerySelector("#schedule-cron-hint")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("when either starts with *, a day must match both", html.QuerySelector("#schedule-cron-hint")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("America/New_York", html.QuerySelector("#schedule-timezone")!.GetAttribute("value"));
        Assert.Contains(html.QuerySelectorAll("#schedule-timezones option"), o => o.GetAttribute("value") == "Europe/Paris");
        Assert.Equal("At 09:00 on Monday through Friday", html.QuerySelector("[data-testid=schedule-words]")!.TextContent);
        var runs = html.QuerySelectorAll("[data-testid=schedule-next-runs] li").Select(li => li.TextContent).ToList();
        Assert.Equal(5, runs.Count);
        Assert.All(runs, run => Assert.Matches(@"^(Mon|Tue|Wed|Thu|Fri) \d{4}-\d\d-\d\d 09:00 \(UTC-0[45]:00\)$", run));
    }

    [Fact]
    public async Task Render_TimeZoneError_MarksTheZoneFieldAndSaysWhy()
    {
        await using var renderer = await SourceScreensRenderer.CreateAsync();

        var html = await renderer.RenderAsync<ScheduleFields>(new Dictionary<string, object?>
        {
            ["Schedule"] = new ScheduleForm { Kind = "cron", Cron = "@daily", TimeZone = "Mars/Olympus_Mons" },
            ["Errors"] = new FormErrors([new FieldError("schedule.timeZone", "'Mars/Olympus_Mons' is not a time zone.")]),
        });

        var zone = html.QuerySelector("#schedule-timezone")!;
        Assert.Equal("true", zone.GetAttribute("aria-invalid"));
        Assert.Contains("schedule-timezone-error", zone.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Contains("is not a time zone", html.QuerySelector("#schedule-timezone-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not a schedule yet", html.QuerySelector("#schedule-preview")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_Interval_SaysTheBounds()
    {
        await using var renderer = await SourceScreensRenderer.CreateAsync();

        var html = await renderer.RenderAsync<ScheduleFields>(new Dictionary<string, object?> { ["Schedule"] = new ScheduleForm { Kind = "interval", Every = "6" } });

        Assert.Contains("8,760 hours", html.QuerySelector("#schedule-every-hint")!.TextContent, StringComparison.Ordinal);
    }
}
