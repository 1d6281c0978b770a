using System.Net;
using System.Text;
using MimeKit;
using netDumbster.smtp;

namespace FlowStudio.Web.Tests.Support;

/// <summary>A mail server on loopback that keeps every email it is sent (netDumbster), read back as MIME messages.</summary>
internal sealed class SmtpSink : IDisposable
{
    private readonly SimpleSmtpServer _server = Configuration.Configure().WithAddress(IPAddress.Loopback).Build();

    public int Port => _server.Configuration.Port;

    /// <summary>
    /// Every email received. The sink keeps the SMTP data as sent, so the dots the client doubled at the start of lines
    /// (RFC 5321 transparency) are undone here, as a mail server would.
    /// </summary>
    public IReadOnlyList<MimeMessage> Received =>
        [.. _server.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data.Replace("\n..", "\n.", StringComparison.Ordinal)))))];

    /// <summary>Waits (bounded) for an email that <paramref name="match"/> accepts.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (Received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no matching email arrived; received: {string.Join(" | ", Received.Select(m => m.Subject))}");
            await Task.Delay(100);
        }
    }

    public void Dispose() => _server.Dispose();
}
