using Microsoft.Extensions.Options;

namespace FlowStudio.Application.Alerts;

/// <summary>Absolute links to FlowStudio's pages for alerts: under <see cref="AlertOptions.PublicUrl"/>, else the server's own address.</summary>
internal sealed class AlertLinks(IOptions<AlertOptions> options, HostAddress host)
{
    public string Run(string runId) => To($"/runs/{Uri.EscapeDataString(runId)}");

    public string Source(string sourceId) => To($"/sources/{Uri.EscapeDataString(sourceId)}");

    private string To(string path) => options.Value.PublicUrl is { } root
        ? root.AbsoluteUri.TrimEnd('/') + path
        : host.Resolve(path, path).AbsoluteUri;
}
