namespace FlowStudio.Sandbox.Clari;

/// <summary>The org's 150 sales activities, one every 9.6 h back from the start of today (UTC), linked to seeded accounts and opportunities.</summary>
internal static class ActivitySeed
{
    public const int Count = 150;
    public static readonly IReadOnlyList<string> Types = ["MEETING", "EMAIL_SENT", "EMAIL_RECEIVED", "ATTACHMENT_SENT", "ATTACHMENT_RECEIVED"];
    private static readonly TimeSpan Spacing = TimeSpan.FromHours(9.6);
    private static readonly string[] Contacts = ["Samuel Martin", "Aiden Lewis", "Nora Patel", "Felix Wagner", "Isla Moreau", "Kenji Sato"];

    public static IReadOnlyList<Activity> Build(DateTimeOffset now)
    {
        var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var users = ClariSeedData.Users;
        return Enumerable.Range(0, Count).Select(i =>
        {
            var account = ClariSeedData.Accounts[(i * 3) % ClariSeedData.Accounts.Count];
            var owner = account.Owner;
            var organiser = i % 4 == 0 ? users[1 + (i % 3)] : owner;
            var type = Types[i % Types.Count];
            var opportunity = ClariSeedData.Opportunities.FirstOrDefault(opp => opp.Account == account && i % 3 != 0);
            var contact = Contacts[i % Contacts.Length];
            var domain = account.Name.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
            List<ActivityParticipant> participants =
            [
                new(owner.Name, owner.Email, owner.CrmId, true),
                new(contact, $"{contact.ToLowerInvariant().Replace(' ', '.')}@{domain}.example.com", "", false),
            ];
            if (organiser != owner)
            {
                participants.Insert(1, new(organiser.Name, organiser.Email, organiser.CrmId, true));
            }

            return new Activity(
                StableHash.Hex32($"activity|{i}"),
                type,
                Subject(type, account.Name),
                (dayStart - (Spacing * (i + 1))).ToUnixTimeMilliseconds(),
                owner.CrmId,
                organiser.CrmId,
                [new ActivityAccount(account.Id, account.Name, owner.CrmId)],
                opportunity is null ? [] : [new ActivityOpportunity(opportunity.Id, opportunity.Name, opportunity.Account.Owner.CrmId)],
                participants);
        }).ToList();
    }

    private static string Subject(string type, string account) => type switch
    {
        "MEETING" => $"{account} <> Clari Sync",
        "EMAIL_SENT" => $"Proposal for {account}",
        "EMAIL_RECEIVED" => $"Re: Proposal for {account}",
        "ATTACHMENT_SENT" => $"{account} - Order Form.pdf",
        _ => $"{account} - Security Questionnaire.xlsx",
    };
}

/// <summary>One activity of an activity export's <c>activities</c>.</summary>
internal sealed record Activity(
    string ActivityId,
    string ActivityType,
    string Subject,
    long Date,
    string ActivityOwnerId,
    string ActivityOrganiserId,
    IReadOnlyList<ActivityAccount> Accounts,
    IReadOnlyList<ActivityOpportunity> Opportunities,
    IReadOnlyList<ActivityParticipant> Participants);

internal sealed record ActivityAccount(string AccountId, string AccountName, string AccountOwnerId);

internal sealed record ActivityOpportunity(string OpportunityId, string OpportunityName, string OpportunityOwnerId);

internal sealed record ActivityParticipant(string Name, string Email, string SfdcUserId, bool IsInternal);
