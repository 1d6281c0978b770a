using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Web.Features.Destinations;

/// <summary>One sample request as the Sample Payload panel shows it (secret headers masked).</summary>
public sealed record PayloadSample(string Method, string Url, IReadOnlyDictionary<string, string> Headers, string Body, int RecordCount, string? Error)
{
    /// <summary>The body indented for reading; the text as it is when it is not JSON.</summary>
    public string PrettyBody
    {
        get
        {
            if (string.IsNullOrWhiteSpace(Body))
            {
                return "";
            }

            try
            {
                return JToken.Parse(Body).ToString(Formatting.Indented);
            }
            catch (JsonReaderException)
            {
                return Body;
            }
        }
    }

    internal static PayloadSample From(SamplePayload payload) =>
        new(payload.Method, payload.Url, payload.Headers, payload.Body, payload.RecordCount, payload.Error);
}
