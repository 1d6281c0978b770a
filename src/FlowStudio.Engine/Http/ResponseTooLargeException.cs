using System.Globalization;

namespace FlowStudio.Engine.Http;

/// <summary>A response body over the size cap; never retried.</summary>
public sealed class ResponseTooLargeException(long limit)
    : IOException(string.Create(CultureInfo.InvariantCulture, $"The response is larger than the {Describe(limit)} limit (Outbound:MaxResponseBytes); ask the API for smaller pages."))
{
    private static string Describe(long bytes) =>
        bytes >= 1024 * 1024 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB") : string.Create(CultureInfo.InvariantCulture, $"{bytes} byte");
}
