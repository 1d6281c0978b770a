using System.Text.Json;

namespace FlowStudio.Engine.Sources;

/// <summary>
/// A property the reader adds to every record of a page (<c>_metadata</c>, <c>_lookupKey</c>, or <c>value</c> around a
/// plain value), replacing one of the same name.
/// </summary>
/// <param name="Name">The property name.</param>
/// <param name="Utf8Name">The name as UTF-8.</param>
/// <param name="Json">The value as compact JSON (UTF-8).</param>
/// <param name="Type">The value's schema type.</param>
/// <param name="Text">The value as a record field's text (see <see cref="SourceRecord.FieldText"/>).</param>
/// <param name="Value">The value, for a field path that steps into it; null when it is not one element.</param>
internal sealed record AddedProperty(string Name, byte[] Utf8Name, byte[] Json, string Type, string? Text, JsonElement? Value);
