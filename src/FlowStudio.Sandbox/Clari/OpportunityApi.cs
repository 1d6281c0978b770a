using System.Globalization;

namespace FlowStudio.Sandbox.Clari;

/// <summary><c>GET /opportunity?oppId=..&amp;oppId=..</c>: up to 100 seeded opportunities with CRM score and fields; unknown ids are left out.</summary>
internal static class OpportunityApi
{
    public const int MaxIds = 100;

    public static RouteGroupBuilder MapOpportunityApi(this RouteGroupBuilder group)
    {
        group.MapGet("/opportunity", GetOpportunities);
        return group;
    }

    public static IResult GetOpportunities(HttpRequest request, ClariStore store)
    {
        var ids = request.Query["oppId"].OfType<string>().Where(id => id.Length > 0).ToList();
        if (ids.Count == 0)
        {
            return ClariErrors.Opportunity("invalid query parameter", "oppId is required");
        }

        if (ids.Count > MaxIds)
        {
            return ClariErrors.Opportunity("invalid query parameter", $"at most {MaxIds} oppId values are allowed, got {ids.Count}");
        }

        var mode = request.Query["mode"].ToString();
        if (mode.Length > 0 && mode != "OPPORTUNITY_MODE_ID")
        {
            return ClariErrors.Opportunity("invalid query parameter", $"mode {mode} is not supported");
        }

        var today = DateOnly.FromDateTime(store.Time.GetUtcNow().UtcDateTime);
        var byId = ClariSeedData.Opportunities.ToDictionary(opportunity => opportunity.Id, StringComparer.Ordinal);
        return ClariJson.Result(ids.Distinct(StringComparer.Ordinal)
            .Select(id => byId.GetValueOrDefault(id))
            .OfType<SeedOpportunity>()
            .Select(opportunity => Export(opportunity, today))
            .ToList());
    }

    private static object Export(SeedOpportunity opportunity, DateOnly today)
    {
        var closeDate = today.AddDays(opportunity.CloseInDays);
        var changed = new DateTimeOffset(today.AddDays(-14).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
        var previousAmount = Math.Round(opportunity.Amount * 0.8m, 0);
        var score = opportunity.Stage switch
        {
            "Closed Won" => (100, "Opportunity is won"),
            "Closed Lost" => (0, "Opportunity is lost"),
            _ => ((int)(StableHash.Of(opportunity.Id + "score") % 90) + 5, "Opportunity is open"),
        };
        return new
        {
            id = opportunity.Id,
            crmScore = new { message = score.Item2, score = score.Item1 },
            fields = new object[]
            {
                Field("opportunity.name", "Opportunity Name", opportunity.Name),
                new
                {
                    id = "opportunity.amount", alias = "Amount", imageUrl = "/images/CardOppSunny@2x.png", trend = "up",
                    trendHistory = new[] { new { oldValue = (object)previousAmount, newValue = (object)opportunity.Amount, date = changed } },
                    value = (object)opportunity.Amount, originalValue = (object)opportunity.Amount,
                },
                Field("opportunity.stage", "Stage", opportunity.Stage),
                Field("opportunity.closeDate", "Close Date", closeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                Field("opportunity.forecastCategory", "Forecast Category", ForecastCategory(opportunity.Stage)),
                Field("opportunity.accountId", "Account", opportunity.Account.Id),
                Field("opportunity.ownerId", "Owner", opportunity.Account.Owner.CrmId),
            },
        };
    }

    private static object Field(string id, string alias, object value) =>
        new { id, alias, imageUrl = (string?)null, trend = "none", trendHistory = Array.Empty<object>(), value, originalValue = value };

    private static string ForecastCategory(string stage) => stage switch
    {
        "Closed Won" => "Closed",
        "Closed Lost" => "Omitted",
        "Negotiation" => "Commit",
        "Proposal" => "Best Case",
        _ => "Pipeline",
    };
}
