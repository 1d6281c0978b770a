using System.Net.Http.Headers;

namespace FlowStudio.Engine.Http;

/// <summary>Reads how long a server asked us to wait (Retry-After as seconds or as an HTTP date).</summary>
internal static class RetryAfter
{
    /// <summary>The requested wait, clamped to [0, <paramref name="max"/>], or null when the header is absent or unreadable.</summary>
    public static TimeSpan? From(RetryConditionHeaderValue? header, DateTimeOffset now, TimeSpan max)
    {
        TimeSpan? wait = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => null,
        };
        if (wait is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > max ? max : value;
    }
}
