using System.Globalization;
using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.Zoho;

/// <summary>
/// The org's deterministic seed: 300 Accounts (every third a <c>Customer</c>, every fifth synced with ClientSuccess) and
/// 600 Contacts, two per Account. Ids are Zoho-like 19-digit numbers; times run an hour apart from 2026-01-01.
/// </summary>
internal static class ZohoSeed
{
    public const int AccountCount = 300;
    public const int ContactCount = 600;
    public const long AccountIdBase = 5725767000000100000;
    public const long ContactIdBase = 5725767000000200000;
    public const long FirstFreeId = 5725767000000300000;

    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Statuses = ["Customer", "Prospect", "Partner", "Inactive"];
    private static readonly string[] Types = ["Customer", "Prospect", "Partner", "Reseller", "Vendor"];
    private static readonly string[] Industries = ["Technology", "Healthcare", "Finance", "Retail", "Manufacturing", "Education", "Media"];
    private static readonly string[] Prefixes = ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Soylent", "Tyrell", "Cyberdyne", "Wonka"];
    private static readonly string[] Suffixes = ["Labs", "Systems", "Holdings", "Group", "Works", "Partners", "Industries", "Digital", "Health", "Logistics"];
    private static readonly string[] FirstNames = ["Ava", "Ben", "Chloe", "Diego", "Emma", "Farid", "Grace", "Hiro", "Isla", "Jonas", "Kira", "Liam", "Maya", "Noah", "Olga", "Priya"];
    private static readonly string[] LastNames = ["Anders", "Brooks", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jensen", "Kowalski", "Lopez", "Moreau", "Novak"];
    private static readonly string[] Titles = ["CEO", "CFO", "VP Sales", "Head of Operations", "Account Manager", "CTO"];

    public static (List<JsonObject> Accounts, List<JsonObject> Contacts) Create()
    {
        var accounts = Enumerable.Range(1, AccountCount).Select(Account).ToList();
        var contacts = Enumerable.Range(1, ContactCount).Select(i => Contact(i, accounts[(i - 1) / 2])).ToList();
        return (accounts, contacts);
    }

    private static string AccountName(int i) =>
        $"{Prefixes[i % Prefixes.Length]} {Suffixes[i / Prefixes.Length % Suffixes.Length]} {i.ToString("D3", CultureInfo.InvariantCulture)}";

    private static JsonObject Account(int i)
    {
        var name = AccountName(i);
        var slug = name.ToLowerInvariant().Replace(' ', '-');
        var record = System(AccountIdBase + i, i);
        record["Account_Name"] = name;
        record["Account_Status"] = Statuses[i % 3 == 0 ? 0 : 1 + (i % Statuses.Length + 1) % 3];
        record["Account_Type"] = Types[i % Types.Length];
        record["Sync_with_ClientSuccess"] = i % 5 == 0;
        record["Website"] = $"https://www.{slug}.example.com";
        record["Phone"] = $"+1 555 {(1000 + i).ToString(CultureInfo.InvariantCulture)}";
        record["Industry"] = Industries[i % Industries.Length];
        record["Customer_Start_Date"] = i % 3 == 0 ? Start.AddDays(-i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        return record;
    }

    private static JsonObject Contact(int i, JsonObject account)
    {
        var first = FirstNames[i % FirstNames.Length];
        var last = LastNames[i / FirstNames.Length % LastNames.Length];
        var record = System(ContactIdBase + i, AccountCount + i);
        record["First_Name"] = first;
        record["Last_Name"] = last;
        record["Email"] = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}.{i.ToString(CultureInfo.InvariantCulture)}@example.com";
        record["Title"] = Titles[i % Titles.Length];
        record["Phone"] = $"+1 555 {(5000 + i).ToString(CultureInfo.InvariantCulture)}";
        record["Account_Name"] = new JsonObject { ["id"] = account["id"]!.GetValue<string>(), ["name"] = account["Account_Name"]!.GetValue<string>() };
        return record;
    }

    private static JsonObject System(long id, int hour)
    {
        var time = ZohoJson.Time(Start.AddHours(hour));
        return new JsonObject
        {
            ["id"] = id.ToString(CultureInfo.InvariantCulture),
            ["Owner"] = Owner(),
            ["Created_Time"] = time,
            ["Modified_Time"] = time,
        };
    }

    public static JsonObject Owner() => new() { ["name"] = ZohoAccount.OwnerName, ["id"] = ZohoAccount.OwnerId, ["email"] = "admin@sandbox.example.com" };
}
