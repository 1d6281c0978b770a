using System.ComponentModel.DataAnnotations;

namespace FlowStudio.Application.Alerts;

/// <summary>How alerts are sent: configuration section <c>Alerts</c> (environment variables <c>Alerts__Smtp__Host</c>, ...). Checked at start.</summary>
internal sealed class AlertOptions : IValidatableObject
{
    public const string Section = "Alerts";

    /// <summary>The mail server email alerts go through. Without a host, email alerts fail with a message that says so.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How many times one alert is tried before it stays failed. Default 4.</summary>
    [Range(1, 20)]
    public int Attempts { get; set; } = 4;

    /// <summary>The wait before the first retry of a failed alert; each further retry waits twice as long. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one webhook call or one SMTP conversation may take. Default 15 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The address people open FlowStudio at (<c>https://flowstudio.example.com</c>), for the links in alerts. Default:
    /// the address the server listens on.
    /// </summary>
    public Uri? PublicUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult("Alerts:PublicUrl must be an absolute http or https URL.", [nameof(PublicUrl)]);
        }

        foreach (var problem in Smtp.Problems())
        {
            yield return new ValidationResult(problem, [nameof(Smtp)]);
        }
    }
}
