using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FlowStudio.Application.Data;

/// <summary>
/// PostgreSQL stores times as <c>timestamptz</c>, which takes only UTC times: every time the app keeps is UTC, and one read
/// back from SQLite or built without a kind is marked as such (a local time is converted).
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => v);
