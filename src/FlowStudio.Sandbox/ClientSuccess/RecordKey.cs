using System.Globalization;
using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>
/// A field a collection indexes. A text key holds the field's scalar text (<see cref="Ids.Text"/>) and matches
/// case-insensitively, so it finds every candidate of an exact or a case-insensitive match; a numeric key holds
/// <see cref="Ids.Long"/>, as client and contract references compare.
/// </summary>
internal sealed record RecordKey(string Field, bool Numeric = false)
{
    public static readonly RecordKey Uuid = new("uuid");
    public static readonly RecordKey Email = new("email");
    public static readonly RecordKey Name = new("name");
    public static readonly RecordKey ExternalId = new("externalId");
    public static readonly RecordKey ExternalSystemId = new("externalSystemId");
    public static readonly RecordKey ClientId = new("clientId", Numeric: true);
    public static readonly RecordKey TenantClientId = new("tenantClientId", Numeric: true);
    public static readonly RecordKey ContractId = new("contractId", Numeric: true);

    public StringComparer Comparer => Numeric ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    public string? Of(JsonObject record) => Of(record[Field]);

    /// <summary>The key of a record whose <see cref="Field"/> holds <paramref name="value"/>.</summary>
    public string? Of(JsonNode? value) => Numeric ? Ids.Long(value)?.ToString(CultureInfo.InvariantCulture) : Ids.Text(value);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
