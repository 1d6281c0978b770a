using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>The sandbox tenant's fixed employees, client types and client statuses that records point at.</summary>
internal static class TenantDirectory
{
    public sealed record Employee(long Id, string FirstName, string LastName, long? ReportTo)
    {
        public string Email => $"{FirstName.ToLowerInvariant()}.{LastName.ToLowerInvariant()}@flowstudio.local";

        public JsonObject ToJson() => new()
        {
            ["id"] = Id,
            ["firstname"] = FirstName,
            ["lastname"] = LastName,
            ["email"] = Email,
            ["reportTo"] = ReportTo,
            ["picture"] = null,
            ["name"] = $"{FirstName} {LastName}",
        };
    }

    public sealed record ClientType(long Id, string Title, string Key)
    {
        public JsonObject ToJson() => new() { ["id"] = Id, ["title"] = Title, ["key"] = Key };
    }

    public static readonly IReadOnlyList<Employee> Employees =
    [
        new(501, "Dana", "Whitfield", null),
        new(502, "Marcus", "Oyelaran", 501),
        new(503, "Priya", "Raman", 501),
        new(504, "Tomas", "Lindqvist", 502),
        new(505, "Hannah", "Baptiste", 502),
        new(506, "Kenji", "Moreau", 503),
    ];

    public static readonly IReadOnlyList<ClientType> ClientTypes =
    [
        new(11, "Enterprise", "ENTERPRISE"),
        new(12, "Mid-Market", "MID_MARKET"),
        new(13, "SMB", "SMB"),
        new(14, "Strategic", "STRATEGIC"),
    ];

    /// <summary>v2 status names in v1 statusId order (1 Active, 2 Inactive, 3 Trial, 4 Terminated).</summary>
    public static readonly IReadOnlyList<string> ClientStatuses = ["ACTIVE", "INACTIVE", "TRIAL", "TERMINATED"];

    /// <summary>Pulse dispositions accepted on create, best to worst; dispositionId is the position from 1.</summary>
    public static readonly IReadOnlyList<string> Dispositions =
        ["EXTREMELY_SATISFIED", "VERY_SATISFIED", "FAIRLY_SATISFIED", "SOME_RISK", "HIGH_RISK", "SEVERE_RISK"];

    /// <summary>Interaction types by id: 1 Note, 2 Call, 3 Meeting, 4 Email, 5 QBR, 6 Chat, 7 Support Ticket, 8 Other.</summary>
    public static readonly IReadOnlyList<string> InteractionTypes = ["Note", "Call", "Meeting", "Email", "QBR", "Chat", "Support Ticket", "Other"];

    public static Employee? FindEmployee(long? id) => Employees.FirstOrDefault(employee => employee.Id == id);

    public static ClientType? FindClientType(long? id) => ClientTypes.FirstOrDefault(type => type.Id == id);

    /// <summary>The type a v2 write names: <c>{"id": 11}</c>, <c>{"title": "Enterprise"}</c> or <c>{"key": "ENTERPRISE"}</c>, or the title alone.</summary>
    public static ClientType? FindClientType(JsonNode? named) => named switch
    {
        JsonObject type when Ids.Long(type, "id") is { } id => FindClientType(id),
        JsonObject type => ByName(Ids.String(type, "title")) ?? ByName(Ids.String(type, "key")),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => ByName(value.GetValue<string>()),
        _ => null,
    };

    private static ClientType? ByName(string? name) => string.IsNullOrWhiteSpace(name)
        ? null
        : ClientTypes.FirstOrDefault(type => string.Equals(type.Title, name.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(type.Key, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public static int? StatusId(string? status)
    {
        var index = ClientStatuses.ToList().IndexOf(status ?? string.Empty);
        return index >= 0 ? index + 1 : null;
    }

    public static string? StatusName(long? statusId) => statusId is >= 1 and <= 4 ? ClientStatuses[(int)statusId - 1] : null;
}
