using System.Net;
using System.Text;
using MimeKit;
using netDumbster.smtp;

namespace FlowStudio.E2E;

/// <summary>A mail server on loopback that keeps every email the app sends (netDumbster): where the server's email alerts go.</summary>
public sealed class MailSink : IDisposable
{
    private readonly SimpleSmtpServer _server = Configuration.Configure().WithAddress(IPAddress.Loopback).Build();

    public int Port => _server.Configuration.Port;

    /// <summary>The subjects of the emails received so far (dots the client doubled at line starts are undone first).</summary>
    public IReadOnlyList<string> Subjects =>
        [.. _server.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data.Replace("\n..", "\n.", StringComparison.Ordinal)))).Subject ?? "")];

    public void Dispose() => _server.Dispose();
}
