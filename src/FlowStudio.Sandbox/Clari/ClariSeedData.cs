namespace FlowStudio.Sandbox.Clari;

/// <summary>The sandbox org's deterministic data: forecast users and tabs, accounts and opportunities.</summary>
internal static class ClariSeedData
{
    public static readonly IReadOnlyList<ForecastUser> Users = BuildUsers();

    public static readonly IReadOnlyList<ForecastTab> Forecasts =
    [
        new("net_new_arr", "Net New ARR", 250_000m,
            [Field("commit", "Commit"), Field("best_case", "Best Case"), Field("pipeline", "Pipeline"), QuotaField()]),
        new("bookings", "Bookings", 400_000m,
            [Field("commit", "Commit"), Field("most_likely", "Most Likely"), Field("best_case", "Best Case"), QuotaField()]),
        new("renewals", "Renewals", 150_000m, [Field("commit", "Commit"), Field("best_case", "Best Case"), QuotaField()]),
    ];

    public static readonly IReadOnlyList<SeedAccount> Accounts = BuildAccounts();

    public static readonly IReadOnlyList<SeedOpportunity> Opportunities = BuildOpportunities();

    public static IEnumerable<ForecastUser> Reps => Users.Where(user => user.ScopeId.EndsWith("::REP", StringComparison.Ordinal));

    public static ForecastTab? FindForecast(string forecastId) => Forecasts.FirstOrDefault(tab => tab.ForecastId == forecastId);

    /// <summary>The scope's user and everyone below them, or null when no user has that scope.</summary>
    public static IReadOnlyList<ForecastUser>? UsersInScope(string? scopeId)
    {
        if (scopeId is null)
        {
            return Users;
        }

        var root = Users.FirstOrDefault(user => user.ScopeId == scopeId);
        return root is null ? null : Users.Where(user => user == root || IsBelow(user, root)).ToList();
    }

    public static bool IsBelow(ForecastUser user, ForecastUser manager)
    {
        for (var parent = Parent(user); parent is not null; parent = Parent(parent))
        {
            if (parent == manager)
            {
                return true;
            }
        }

        return false;
    }

    private static ForecastUser? Parent(ForecastUser user) => Users.FirstOrDefault(candidate => candidate.UserId == user.ParentUserId);

    private static ForecastField Field(string id, string name) => new(id, name, "forecast");

    private static ForecastField QuotaField() => new("quota", "Quota", "quota");

    private static List<ForecastUser> BuildUsers()
    {
        string[] names =
        [
            "Morgan Blake", "Priya Raman", "Diego Alvarez", "Hannah Okafor", "Liam Turner", "Sofia Rossi", "Noah Kim",
            "Ava Turner", "Ethan Brooks", "Mia Johansson", "Lucas Silva", "Zoe Bennett", "Omar Haddad", "Emma Fischer",
            "Jack Nguyen", "Chloe Martin", "Samuel Osei", "Grace Lee", "Mateo Garcia", "Ella Novak",
        ];
        string[] regions = ["East", "West", "Central"];
        var users = new List<ForecastUser>();
        ForecastUser Add(int index, string role, int roleNumber, ForecastUser? parent, string scope)
        {
            var userId = $"{1001 + index}";
            var name = names[index];
            var user = new ForecastUser(
                userId, name, $"{name.ToLowerInvariant().Replace(' ', '.')}@sandbox-clari.example.com", $"005Sb{index + 1:D10}AAE",
                $"00ESb{roleNumber:D10}AAE", role, parent?.HierarchyId, parent?.HierarchyName, $"{userId}::{scope}", parent?.UserId);
            users.Add(user);
            return user;
        }

        var cro = Add(0, "CRO", 1, null, "MGR");
        var managers = regions.Select((region, i) => Add(1 + i, $"Sales Manager - {region}", 2 + i, cro, "MGR")).ToList();
        for (var i = 0; i < 16; i++)
        {
            var region = i < 6 ? 0 : i < 11 ? 1 : 2;
            Add(4 + i, $"Sales Rep - {regions[region]}", 5 + region, managers[region], "REP");
        }

        return users;
    }

    private static List<SeedAccount> BuildAccounts()
    {
        string[] prefixes = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Wingtip", "Adventure Works", "Litware", "Proseware", "Lucerne", "Coho"];
        string[] suffixes = ["Labs", "Systems", "Group", "Health", "Logistics"];
        var reps = Reps.ToList();
        return Enumerable.Range(0, prefixes.Length * suffixes.Length)
            .Select(i => new SeedAccount($"001Sb{i + 1:D10}AAE", $"{prefixes[i % prefixes.Length]} {suffixes[i / prefixes.Length]}", reps[i % reps.Count]))
            .ToList();
    }

    private static List<SeedOpportunity> BuildOpportunities()
    {
        string[] kinds = ["New Business", "Expansion", "Renewal", "Upsell"];
        string[] stages = ["Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won", "Closed Lost"];
        return Enumerable.Range(0, Accounts.Count * kinds.Length)
            .Select(i =>
            {
                var account = Accounts[i % Accounts.Count];
                var id = $"006Sb{i + 1:D10}AAE";
                var amount = Math.Round(5_000m + (decimal)StableHash.Fraction(id + "amount") * 245_000m, 0);
                var stage = stages[(int)(StableHash.Of(id + "stage") % stages.Length)];
                return new SeedOpportunity(id, $"{account.Name} - {kinds[i / Accounts.Count]}", account, amount, stage, ((i * 7) % 180) - 60);
            })
            .ToList();
    }
}

/// <summary>A forecasting user as listed in a forecast's <c>users</c>.</summary>
internal sealed record ForecastUser(
    string UserId,
    string Name,
    string Email,
    string CrmId,
    string HierarchyId,
    string HierarchyName,
    string? ParentHierarchyId,
    string? ParentHierarchyName,
    string ScopeId,
    [property: System.Text.Json.Serialization.JsonIgnore] string? ParentUserId);

/// <summary>A Forecast Tab: its id (as in the Clari URL), name, typical size and fields.</summary>
internal sealed record ForecastTab(string ForecastId, string Name, decimal Scale, IReadOnlyList<ForecastField> Fields);

internal sealed record ForecastField(string FieldId, string FieldName, string FieldType);

internal sealed record SeedAccount(string Id, string Name, ForecastUser Owner);

/// <summary>An opportunity; its close date is <see cref="CloseInDays"/> days from today.</summary>
internal sealed record SeedOpportunity(string Id, string Name, SeedAccount Account, decimal Amount, string Stage, int CloseInDays);
