using FlowStudio.Engine.Templates;
using FlowStudio.Web.Features.Sources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace FlowStudio.Web.Tests.Components.Sources;

public sealed class SourceFormTests
{
    [Fact]
    public void ToRequest_AdvancedTab_BuildsTheManualRequestTheApiTakes()
    {
        var form = Read(new()
        {
            ["Connector"] = "clientsuccess", ["CredentialId"] = "cred_1", ["Mode"] = "manual", ["Name"] = "",
            ["Method"] = "get", ["Url"] = " /v2/clientNote/search?modifiedAfter={now-1} ", ["DateFormat"] = "yyyy-MM-dd", ["TimeUnit"] = "day",
            ["LookupId"] = "lkp_1", ["DataPath"] = "$.data[*]", ["MetadataPath"] = "", ["Headers"] = "X-Api-Version:2, Accept-Language:en",
            ["Body"] = "{\"ignored\":true}", ["Pagination.Type"] = "pageSize", ["Pagination.PageParam"] = "page", ["Pagination.SizeParam"] = "size",
            ["Pagination.Size"] = "100", ["Pagination.StartPage"] = "0", ["Pagination.LastPath"] = "$.last",
        });

        var (request, errors) = form.ToRequest(form.DefaultName(SourceScreensRenderer.Templates));

        Assert.Empty(errors);
        Assert.Equal("ClientSuccess GET /v2/clientNote/search", request.Name);
        Assert.Null(request.TemplateId);
        var manual = request.Manual!;
        Assert.Equal("GET", manual.Method);
        Assert.Equal("/v2/clientNote/search?modifiedAfter={now-1}", manual.Url);
        Assert.Equal(new Dictionary<string, string> { ["X-Api-Version"] = "2", ["Accept-Language"] = "en" }, manual.Headers);
        Assert.Null(manual.Body);
        Assert.Null(manual.MetadataPath);
        Assert.Equal(["lkp_1"], manual.LookupIds!);
        Assert.Equal(new PaginationSpec { Type = "pageSize", PageParam = "page", SizeParam = "size", Size = 100, StartPage = 0, LastPath = "$.last" }, manual.Pagination);
    }

    [Fact]
    public void ToRequest_BadHeadersAndPageSize_ReportsThemUnderTheApiFieldNames()
    {
        var form = Read(new()
        {
            ["Mode"] = "manual", ["Url"] = "/v2/pulse/search", ["Headers"] = "X-Api-Version 2",
            ["Pagination.Type"] = "offset", ["Pagination.OffsetParam"] = "offset", ["Pagination.SizeParam"] = "limit", ["Pagination.Size"] = "many",
        });

        var (_, errors) = form.ToRequest("Any");

        Assert.Contains(errors, e => e.Field == "headers" && e.Message.Contains("no colon", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "pagination" && e.Message.Contains("\"many\"", StringComparison.Ordinal));
    }

    [Fact]
    public void ToRequest_TemplateTab_SendsTemplateAndNonBlankParametersOnly()
    {
        var form = Read(new()
        {
            ["Connector"] = "clientsuccess", ["CredentialId"] = "cred_1", ["Mode"] = "template", ["TemplateId"] = "clientsuccess.search-pulses",
            ["Parameters[clientId]"] = "1198", ["Parameters[note]"] = " ",
        });

        var (request, errors) = form.ToRequest(form.DefaultName(SourceScreensRenderer.Templates));

        Assert.Empty(errors);
        Assert.Equal("ClientSuccess Search Pulses", request.Name);
        Assert.Equal("clientsuccess.search-pulses", request.TemplateId);
        Assert.Equal("1198", request.Parameters!["clientId"]);
        Assert.Null(request.Parameters["note"]);
        Assert.Null(request.Manual);
    }

    [Theory]
    [InlineData("interval", "6", "hours", null, "Every 6 hours")]
    [InlineData("interval", "1", "days", null, "Every day")]
    [InlineData("cron", null, null, "0 6 * * 1-5", "At 06:00 on Monday through Friday (UTC)")]
    [InlineData("cron", null, null, "@hourly", "Every hour, on the hour (UTC)")]
    [InlineData("once", null, null, null, "Once, when activated")]
    public void ToRequest_Schedule_SendsTheRunScheduleAndDescribesIt(string kind, string? every, string? unit, string? cron, string described)
    {
        var form = Read(new()
        {
            ["Mode"] = "template", ["TemplateId"] = "clientsuccess.search-pulses",
            ["Schedule.Kind"] = kind, ["Schedule.Every"] = every, ["Schedule.Unit"] = unit, ["Schedule.Cron"] = cron,
        });

        var (request, errors) = form.ToRequest("Pulses");

        Assert.Empty(errors);
        Assert.Equal(described, ScheduleForm.Describe(request.Schedule));
    }

    [Fact]
    public void ToRequest_CronWithTimeZone_SendsTheZoneAndDescribesItWithIt()
    {
        var form = Read(new()
        {
            ["Mode"] = "template", ["TemplateId"] = "clientsuccess.search-pulses",
            ["Schedule.Kind"] = "cron", ["Schedule.Cron"] = " 30 2 * * * ", ["Schedule.TimeZone"] = " Europe/Paris ",
        });

        var (request, errors) = form.ToRequest("Pulses");

        Assert.Empty(errors);
        Assert.Equal("Europe/Paris", request.Schedule!.TimeZone);
        Assert.Equal("At 02:30 every day (Europe/Paris)", ScheduleForm.Describe(request.Schedule));
    }

    [Fact]
    public void ToRequest_IntervalCountNotANumber_IsAScheduleEveryError()
    {
        var form = Read(new() { ["Schedule.Kind"] = "interval", ["Schedule.Every"] = "often" });

        var (_, errors) = form.ToRequest("Pulses");

        Assert.Equal("schedule.every", Assert.Single(errors).Field);
    }

    private static SourceForm Read(Dictionary<string, StringValues> fields) => SourceForm.Read(new FormCollection(fields));
}
