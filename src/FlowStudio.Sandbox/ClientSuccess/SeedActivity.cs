using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>Seeds client notes and pulses.</summary>
internal static class SeedActivity
{
    private static readonly string[] PulseSubjects = ["Monthly health check", "Renewal risk review", "Post-QBR pulse", "Support follow-up", "Adoption review"];

    private static readonly (long Id, string Name, long CategoryId, string Category)[] ReasonCodes =
    [
        (1, "Low adoption", 1, "Product"), (2, "Champion left", 2, "Relationship"), (3, "Budget cuts", 3, "Business"),
        (4, "Support issues", 4, "Service"), (5, "Strong ROI", 3, "Business"), (6, "Engaged sponsor", 2, "Relationship"),
    ];

    public static void AddClientNotes(ClientSuccessData data, SeedRandom random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var client = ClientSuccessSeeder.PickClient(data, random);
            var created = random.DaysAgo(0, 700);
            var author = random.Pick(TenantDirectory.Employees);
            var sentences = Enumerable.Range(0, random.Between(1, 3)).Select(_ => random.Pick(SeedWords.NoteSentences)).Distinct();
            var html = string.Concat(sentences.Select(sentence => $"<p>{sentence}</p>"));
            var fromSalesforce = random.Chance(0.2);
            var note = ClientNoteRecords.Shape.NewRecord();
            note["uuid"] = Uuids.Next(random.Random);
            note["subject"] = random.Pick(SeedWords.NoteTopics);
            note["note"] = html;
            note["sanitizedNote"] = ClientNoteRecords.Sanitize(html);
            note["interactionTypeId"] = random.Between(1, 8);
            note["author"] = $"{author.FirstName} {author.LastName}";
            note["createdByEmployeeId"] = author.Id;
            note["createdTime"] = Timestamps.Format(created);
            note["modifiedTime"] = Timestamps.Format(random.After(created));
            note["externalSystem"] = fromSalesforce ? "SALESFORCE" : null;
            note["externalSystemId"] = fromSalesforce ? "00T" + random.Alphanumeric(15) : null;
            note["accountExternalSystemId"] = fromSalesforce ? Ids.String(client, "salesforceAccountId") : null;
            ClientReference.Link(note, client);
            data.ClientNotes.Add(note);
            ClientSuccessSeeder.CommitBatch(i, data.ClientNotes);
        }
    }

    /// <summary>Pulses are created oldest first, so ids grow with time and each client's scores carry over from its previous pulse.</summary>
    public static void AddPulses(ClientSuccessData data, SeedRandom random, int count)
    {
        var times = Enumerable.Range(0, count).Select(_ => random.DaysAgo(0, 365)).Order().ToList();
        var lastScore = new Dictionary<long, int>();
        var firstScore = new Dictionary<long, int>();
        for (var i = 0; i < times.Count; i++)
        {
            var time = times[i];
            var client = ClientSuccessSeeder.PickClient(data, random);
            var clientId = Ids.Of(client);
            var dispositionId = random.Between(1, 6);
            var score = Math.Clamp(PulseRecords.Scores[dispositionId - 1] + random.Between(-4, 4), 0, 100);
            var previous = lastScore.GetValueOrDefault(clientId, score);
            var first = firstScore.TryAdd(clientId, previous) ? previous : firstScore[clientId];
            lastScore[clientId] = score;
            var pulse = PulseRecords.Shape.NewRecord();
            pulse["uuid"] = Uuids.Next(random.Random);
            pulse["subject"] = random.Pick(PulseSubjects);
            pulse["note"] = random.Pick(SeedWords.NoteSentences);
            pulse["nextSteps"] = random.Pick(SeedWords.NextSteps);
            pulse["dispositionType"] = TenantDirectory.Dispositions[dispositionId - 1];
            pulse["dispositionId"] = dispositionId;
            pulse["startingScore"] = previous;
            pulse["currentScore"] = score;
            pulse["totalScoreChange"] = score - first;
            pulse["lastScoreChange"] = score - previous;
            pulse["reasonCodes"] = Reasons(random);
            pulse["createdByEmployeeId"] = random.Pick(TenantDirectory.Employees).Id;
            pulse["createdTimestamp"] = Timestamps.Format(time);
            ClientReference.Link(pulse, client);
            data.Pulses.Add(pulse);
            ClientSuccessSeeder.CommitBatch(i, data.Pulses);
        }
    }

    private static JsonArray Reasons(SeedRandom random)
    {
        var reasons = new JsonArray();
        var count = random.Between(0, 2);
        for (var sequence = 1; sequence <= count; sequence++)
        {
            var (id, name, categoryId, category) = random.Pick(ReasonCodes);
            reasons.Add(new JsonObject
            {
                ["id"] = id,
                ["categoryId"] = categoryId,
                ["categoryName"] = category,
                ["description"] = name,
                ["name"] = name,
                ["reasonFactor"] = id <= 4 ? "NEGATIVE" : "POSITIVE",
                ["sequence"] = sequence,
            });
        }

        return reasons;
    }
}
