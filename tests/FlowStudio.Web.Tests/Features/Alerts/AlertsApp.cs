using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Alerts;

/// <summary>
/// A host whose alerts reach a mail sink and a webhook listener on loopback (the outbound guard allows the listener's
/// port only), retrying failed alerts after 200 ms.
/// </summary>
public sealed class AlertsApp : IAsyncLifetime
{
    public const string PublicUrl = "https://flowstudio.example.test";

    internal SmtpSink Mail { get; } = new();

    internal HookListener Hooks { get; private set; } = null!;

    public FlowStudioApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Hooks = await HookListener.StartAsync();
        App = new FlowStudioApp(new Dictionary<string, string?>
        {
            ["Alerts:Smtp:Host"] = "127.0.0.1",
            ["Alerts:Smtp:Port"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Alerts:Smtp:From"] = "FlowStudio <alerts@flowstudio.test>",
            ["Alerts:Smtp:UseTls"] = "false",
            ["Alerts:RetryDelay"] = "00:00:00.200",
            ["Alerts:Attempts"] = "3",
            ["Alerts:PublicUrl"] = PublicUrl,
            ["Outbound:Allow:0"] = $"127.0.0.1:{Hooks.Port}",
        });
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Hooks.DisposeAsync();
        Mail.Dispose();
    }
}
