using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>Seeds clients and their contacts.</summary>
internal static class SeedClients
{
    private static readonly string[] TouchTypes = ["Email", "Call", "Meeting", "QBR", "Note"];
    private static readonly string[] Tiers = ["Gold", "Silver", "Bronze"];

    public static void Add(ClientSuccessData data, SeedRandom random, int count)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < count; i++)
        {
            var baseName = $"{random.Pick(SeedWords.CompanyFirst)} {random.Pick(SeedWords.CompanySecond)}";
            var name = $"{baseName} {random.Pick(SeedWords.CompanySuffix)}";
            for (var n = 2; !names.Add(name); n++)
            {
                name = $"{baseName} {n} {random.Pick(SeedWords.CompanySuffix)}";
            }

            var roll = random.Next(100);
            var status = roll < 70 ? "ACTIVE" : roll < 80 ? "TRIAL" : roll < 90 ? "INACTIVE" : "TERMINATED";
            var created = random.DaysAgo(60, 1000);
            var modified = random.After(created);
            var place = random.Pick(SeedWords.Places);
            var type = random.Pick(TenantDirectory.ClientTypes);
            var salesforceId = "001" + random.Alphanumeric(15);
            var client = ClientRecords.Shape.NewRecord();
            client["uuid"] = Uuids.Next(random.Random);
            client["name"] = name;
            client["siteUrl"] = $"https://www.{Domain(baseName)}";
            client["zip"] = random.Between(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            client["status"] = status;
            client["inceptionDate"] = Timestamps.FormatDate(DateOnly.FromDateTime(created.UtcDateTime));
            client["active"] = status is "ACTIVE" or "TRIAL";
            client["successScore"] = random.Between(5, 100);
            client["activeClientSuccessCycleId"] = random.Between(100, 140);
            client["terminatedDate"] = status == "TERMINATED" ? Timestamps.FormatDate(DateOnly.FromDateTime(modified.UtcDateTime)) : null;
            client["salesforceAccountId"] = salesforceId;
            client["street"] = $"{random.Between(1, 9999)} {random.Pick(SeedWords.Streets)}";
            client["city"] = place.City;
            client["state"] = place.State;
            client["country"] = place.Country;
            client["timezone"] = place.Timezone;
            client["externalId"] = $"ACCT-{10001 + i}";
            client["npsScore"] = random.Chance(0.7) ? random.Between(-40, 90) : null;
            client["createdByEmployeeId"] = random.Pick(TenantDirectory.Employees).Id;
            client["modifiedByEmployeeId"] = random.Pick(TenantDirectory.Employees).Id;
            client["createdTime"] = Timestamps.Format(created);
            client["modifiedTime"] = Timestamps.Format(modified);
            client["clientType"] = type.ToJson();
            client["managedByEmployee"] = random.Pick(TenantDirectory.Employees).ToJson();
            var rep = random.Pick(TenantDirectory.Employees);
            client["assignedSalesRep"] = $"{rep.FirstName} {rep.LastName}";
            client["assignedSalesRepAssociation"] = rep.ToJson();
            client["externalSystems"] = ExternalSystems(salesforceId);
            client["custom"] = new JsonObject { ["tier__cs"] = random.Pick(Tiers), ["region__cs"] = place.Country };
            client["segment"] = type.Title;
            client["lastTouchDateTime"] = Timestamps.Format(random.After(modified));
            client["lastTouchType"] = random.Pick(TouchTypes);
            data.Clients.Add(client);
        }
    }

    public static void AddContacts(ClientSuccessData data, SeedRandom random, int count)
    {
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var contact = new SeedRecord(ContactRecords.Shape);
        var summaries = new Dictionary<long, JsonObject>();
        for (var i = 0; i < count; i++)
        {
            var client = ClientSuccessSeeder.PickClient(data, random);
            var first = random.Pick(SeedWords.FirstNames);
            var last = random.Pick(SeedWords.LastNames);
            var domain = Ids.String(client, "siteUrl")!["https://www.".Length..];
            var email = $"{first}.{last}@{domain}".ToLowerInvariant();
            for (var n = 2; !emails.Add(email); n++)
            {
                email = $"{first}.{last}{n}@{domain}".ToLowerInvariant();
            }

            var created = random.DaysAgo(30, 900);
            var place = random.Pick(SeedWords.Places);
            var engagements = random.Between(0, 40);
            contact.Clear();
            contact.Set("uuid", Uuids.NextContact(random.Random));
            contact.Set("firstName", first);
            contact.Set("lastName", last);
            contact.Set("title", random.Pick(SeedWords.Titles));
            contact.Set("email", email);
            contact.Set("phone", $"+1-555-{random.Between(100, 999)}-{random.Between(1000, 9999)}");
            contact.Set("mobile", random.Chance(0.5) ? $"+1-555-{random.Between(100, 999)}-{random.Between(1000, 9999)}" : null);
            contact.Set("salesforceId", "003" + random.Alphanumeric(15));
            contact.Set("linkedinUrl", $"https://www.linkedin.com/in/{first.ToLowerInvariant()}-{last.ToLowerInvariant()}-{random.Between(100, 999)}");
            contact.Set("advocate", random.Chance(0.2));
            contact.Set("champion", random.Chance(0.15));
            contact.Set("executiveSponsor", random.Chance(0.1));
            contact.Set("starred", random.Chance(0.1));
            contact.Set("keyContact", random.Chance(0.25));
            contact.Set("city", place.City);
            contact.Set("state", place.State);
            contact.Set("country", place.Country);
            contact.Set("timezone", place.Timezone);
            contact.Set("createdTime", Timestamps.Format(created));
            contact.Set("modifiedTime", Timestamps.Format(random.After(created)));
            contact.Set("engagementCount", engagements);
            contact.Set("lastEngagementDate", engagements > 0 ? Timestamps.Format(random.After(created)) : null);
            contact.Set("engagements", Engagements(random, engagements, Ids.String(contact.Get("lastEngagementDate"))));
            ClientReference.Link(contact, client, summaries);
            var id = data.Contacts.Add(contact);
            client["primaryContact"] ??= new JsonObject { ["id"] = id, ["firstname"] = first, ["lastname"] = last };
        }
    }

    /// <summary>The contact's engagement count split over one or two interaction types.</summary>
    private static JsonArray Engagements(SeedRandom random, int count, string? last)
    {
        var engagements = new JsonArray();
        var first = count > 1 && random.Chance(0.5) ? random.Between(1, count - 1) : count;
        foreach (var (typeId, share) in new[] { (random.Between(1, 4), first), (random.Between(5, 8), count - first) })
        {
            if (share > 0)
            {
                engagements.Add(new JsonObject
                {
                    ["interactionTypeId"] = typeId,
                    ["interactionCount"] = share,
                    ["lastInteractionDate"] = last,
                    ["engagementCount"] = share,
                    ["lastEngagementDate"] = last,
                });
            }
        }

        return engagements;
    }

    private static string Domain(string baseName) =>
        new string(baseName.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray()) + ".example.com";

    private static JsonObject ExternalSystems(string salesforceId) => new()
    {
        ["SALESFORCE"] = salesforceId,
        ["SALESFORCE_V2"] = null,
        ["HUBSPOT"] = null,
        ["INTERCOM"] = null,
        ["STATUS"] = null,
        ["BATON"] = null,
        ["PRODUCT_SIGNALS"] = null,
    };
}
