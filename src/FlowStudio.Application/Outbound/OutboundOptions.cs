using System.ComponentModel.DataAnnotations;
using FlowStudio.Engine.Http;

namespace FlowStudio.Application.Outbound;

/// <summary>Settings of the outbound guard (section <c>Outbound</c>), checked at start.</summary>
internal sealed class OutboundOptions : IValidatableObject
{
    public const string Section = "Outbound";

    /// <summary>
    /// Hosts, IP addresses or CIDR ranges (optionally with <c>:port</c>) that sources and destinations may reach although
    /// they are loopback, private or link-local (e.g. <c>10.20.0.0/16</c>, <c>crm.internal:8443</c>). Default: none.
    /// </summary>
    public List<string> Allow { get; set; } = [];

    /// <summary>The largest response body read from an API. Default 32 MiB.</summary>
    [Range(1024, 1L << 31)]
    public long MaxResponseBytes { get; set; } = ApiClient.DefaultMaxResponseBytes;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var entry in Allow)
        {
            string? problem = null;
            try
            {
                AllowRule.Parse(entry);
            }
            catch (FormatException ex)
            {
                problem = ex.Message;
            }

            if (problem is not null)
            {
                yield return new ValidationResult($"Outbound:Allow: {problem}", [nameof(Allow)]);
            }
        }
    }
}
