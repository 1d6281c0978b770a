using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>Seeds contracts with 1–3 items each, plus a few notes and attachments per contract.</summary>
internal static class SeedContracts
{
    private static readonly string[] Stages = ["Draft", "Negotiation", "Closed Won", "Renewed"];
    private static readonly int[] TermMonths = [12, 12, 24, 36];
    private static readonly string[] Files = ["signed-order-form.pdf", "msa.pdf", "pricing-sheet.xlsx", "security-review.docx"];

    public static void Add(ClientSuccessData data, SeedRandom random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var client = ClientSuccessSeeder.PickClient(data, random);
            var created = random.DaysAgo(30, 800);
            var now = Timestamps.Format(created);
            var start = DateOnly.FromDateTime(created.UtcDateTime).AddDays(random.Between(0, 30));
            var end = start.AddMonths(random.Pick(TermMonths)).AddDays(-1);
            var booker = random.Pick(TenantDirectory.Employees);
            var contract = ContractRecords.Shape.NewRecord();
            contract["uuid"] = Uuids.Next(random.Random);
            contract["name"] = $"{Ids.String(client, "name")} - {start.Year} subscription";
            contract["description"] = "Annual platform subscription";
            contract["bookingDate"] = Timestamps.FormatDate(DateOnly.FromDateTime(created.UtcDateTime));
            contract["probability"] = 100;
            contract["currency"] = "USD";
            contract["termStartDate"] = Timestamps.FormatDate(start);
            contract["termEndDate"] = Timestamps.FormatDate(end);
            contract["recurring"] = true;
            contract["autoRenew"] = random.Chance(0.6);
            contract["externalId"] = $"CTR-{30001 + i}";
            contract["createdByEmployeeId"] = booker.Id;
            contract["modifiedByEmployeeId"] = booker.Id;
            contract["createdTime"] = now;
            contract["bookedByEmployee"] = booker.ToJson();
            contract["meta"] = new JsonObject { ["id"] = i + 1, ["type"] = "NEW", ["status"] = "ACTIVE", ["currentStatus"] = "ACTIVE" };
            contract["stage"] = new JsonObject { ["label"] = random.Pick(Stages) };
            ClientReference.Link(contract, client);
            if (Term.Between(Ids.String(contract, "termStartDate"), Ids.String(contract, "termEndDate")) is { } term)
            {
                contract["termLengthDays"] = term.Days;
                contract["termLengthMonths"] = term.Months;
            }

            data.Contracts.Add(contract);
            for (var line = random.Between(1, 3); line > 0; line--)
            {
                var quantity = random.Between(1, 50);
                ContractItemRecords.Add(data, contract, new JsonObject
                {
                    ["productCode"] = random.Pick(SeedWords.Products),
                    ["description"] = "Subscription line",
                    ["quantity"] = quantity,
                    ["pricePer"] = random.Amount(20, 900),
                    ["recurring"] = random.Chance(0.8),
                    ["termStartDate"] = contract["termStartDate"]!.DeepClone(),
                    ["termEndDate"] = contract["termEndDate"]!.DeepClone(),
                }, now);
            }

            ContractRecords.Total(contract);
            contract["modifiedTime"] = Timestamps.Format(random.After(created));
            AddNotesAndAttachments(data, random, contract, created);
            ClientSuccessSeeder.CommitBatch(i, data.Contracts, data.ContractNotes, data.ContractAttachments);
        }
    }

    private static void AddNotesAndAttachments(ClientSuccessData data, SeedRandom random, JsonObject contract, DateTimeOffset created)
    {
        for (var n = random.Between(0, 3); n > 0; n--)
        {
            var author = random.Pick(TenantDirectory.Employees);
            ContractNoteRecords.Insert(data, Ids.Of(contract), new JsonObject
            {
                ["subject"] = random.Pick(SeedWords.NoteTopics),
                ["note"] = $"<p>{random.Pick(SeedWords.NoteSentences)}</p>",
                ["author"] = $"{author.FirstName} {author.LastName}",
                ["createdByEmployeeId"] = author.Id,
            }, Timestamps.Format(random.After(created)));
        }

        for (var n = random.Between(0, 2); n > 0; n--)
        {
            var file = random.Pick(Files);
            ContractAttachmentRecords.Insert(data, contract, new JsonObject
            {
                ["fileName"] = file,
                ["contentType"] = file.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "application/octet-stream",
                ["size"] = random.Between(20_000, 2_000_000),
                ["url"] = $"https://files.clientsuccess.example/contracts/{Ids.Of(contract)}/{file}",
                ["createdByEmployeeId"] = random.Pick(TenantDirectory.Employees).Id,
            }, Timestamps.Format(random.After(created)));
        }
    }
}
