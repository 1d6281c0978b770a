using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace FlowStudio.Application.Alerts;

/// <summary>Sends email alerts through the SMTP server of <c>Alerts:Smtp</c> (MailKit), one conversation per alert.</summary>
internal sealed class EmailAlerts(IOptions<AlertOptions> options)
{
    public async Task SendAsync(AlertMessage message, IReadOnlyList<string> to, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var smtp = settings.Smtp;
        if (!smtp.Configured)
        {
            throw new AlertDeliveryException(
                "Email alerts need a mail server: set Alerts:Smtp:Host and Alerts:Smtp:From in FlowStudio's configuration.", permanent: true);
        }

        var mail = AlertEmail.Compose(message, smtp.From!, to);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        var security = !smtp.UseTls ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(mail, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new AlertDeliveryException($"The mail server {smtp.Host}:{smtp.Port} did not take the email: {ex.Message}", inner: ex);
        }
    }
}
