namespace FlowStudio.Application.Alerts;

/// <summary>Section <c>Alerts:Smtp</c>: the mail server email alerts are sent through.</summary>
internal sealed class SmtpOptions
{
    /// <summary>The server's host name; empty turns email alerts off.</summary>
    public string? Host { get; set; }

    /// <summary>Default 587 (submission with STARTTLS); 465 means TLS from the first byte.</summary>
    public int Port { get; set; } = 587;

    /// <summary>The sender address, e.g. <c>FlowStudio &lt;alerts@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>The user name to sign in with; empty sends without signing in.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Encrypt the connection (STARTTLS, or TLS on connect for port 465), refusing to send without it. Default true.</summary>
    public bool UseTls { get; set; } = true;

    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Host))]
    public bool Configured => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<string> Problems()
    {
        if (!Configured)
        {
            yield break;
        }

        if (Port is < 1 or > 65535)
        {
            yield return "Alerts:Smtp:Port must be between 1 and 65535.";
        }

        if (string.IsNullOrWhiteSpace(From) || !MimeKit.MailboxAddress.TryParse(From, out _))
        {
            yield return "Alerts:Smtp:From must be the sender's email address (e.g. FlowStudio <alerts@example.com>) when Alerts:Smtp:Host is set.";
        }
    }
}
