using FlowStudio.Web.Infrastructure;

namespace FlowStudio.Web.Features.Alerts;

/// <summary>A flow's alert rules under its source, "Send test alert", and the alerts a run caused.</summary>
internal static class AlertsApi
{
    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder api)
    {
        var rules = api.MapGroup("/sources/{id}/alerts").WithTags("Alerts");
        rules.MapGet("/", ListAsync).WithName("ListAlertRules");
        rules.MapPost("/", CreateAsync).WithName("CreateAlertRule");
        rules.MapPut("/{ruleId}", UpdateAsync).WithName("UpdateAlertRule");
        rules.MapDelete("/{ruleId}", DeleteAsync).WithName("DeleteAlertRule");
        rules.MapPost("/{ruleId}/test", TestAsync).WithName("SendTestAlert");
        api.MapGet("/runs/{id}/alerts", RunAlertsAsync).WithTags("Alerts").WithName("ListRunAlerts");
        return api;
    }

    private static async Task<IResult> ListAsync(string id, AlertRuleService rules, CancellationToken cancellationToken) =>
        await rules.ListAsync(id, cancellationToken) is { } list ? TypedResults.Ok(list) : ApiProblems.NotFound("Source", id);

    /// <summary>A webhook rule's answer carries its new signing secret (<c>webhookSecret</c>): the only time it is shown.</summary>
    private static async Task<IResult> CreateAsync(string id, AlertRuleRequest request, AlertRuleService rules, CancellationToken cancellationToken) =>
        await rules.CreateAsync(id, request, cancellationToken) switch
        {
            { Found: false } => ApiProblems.NotFound("Source", id),
            { Rule: { } rule } => TypedResults.Created($"/api/sources/{id}/alerts/{rule.Id}", rule),
            var invalid => ApiProblems.Invalid(invalid.Errors),
        };

    private static async Task<IResult> UpdateAsync(
        string id, string ruleId, AlertRuleRequest request, AlertRuleService rules, CancellationToken cancellationToken) =>
        await rules.UpdateAsync(id, ruleId, request, cancellationToken) switch
        {
            { Found: false } => ApiProblems.NotFound("Alert rule", ruleId),
            { Rule: { } rule } => TypedResults.Ok(rule),
            var invalid => ApiProblems.Invalid(invalid.Errors),
        };

    private static async Task<IResult> DeleteAsync(string id, string ruleId, AlertRuleService rules, CancellationToken cancellationToken) =>
        await rules.DeleteAsync(id, ruleId, cancellationToken) ? TypedResults.NoContent() : ApiProblems.NotFound("Alert rule", ruleId);

    /// <summary>200 with the stored test alert when it was sent; 422 naming the reason (and with the alert) when the channel failed.</summary>
    private static async Task<IResult> TestAsync(string id, string ruleId, AlertDispatcher dispatcher, CancellationToken cancellationToken)
    {
        if (await dispatcher.TestAsync(id, ruleId, cancellationToken) is not { } alert)
        {
            return ApiProblems.NotFound("Alert rule", ruleId);
        }

        return alert.Status == AlertStatus.Sent
            ? TypedResults.Ok(alert)
            : TypedResults.Problem(
                detail: $"The test alert to {alert.Recipient} was not sent: {alert.Error}",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The test alert failed.",
                extensions: new Dictionary<string, object?> { ["alert"] = alert });
    }

    private static async Task<IResult> RunAlertsAsync(string id, AlertRuleService rules, CancellationToken cancellationToken) =>
        await rules.RunAlertsAsync(id, cancellationToken) is { } alerts ? TypedResults.Ok(alerts) : ApiProblems.NotFound("Run", id);
}
