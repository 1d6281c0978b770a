using System.Threading.Channels;

namespace FlowStudio.Application.Alerts;

/// <summary>Work for the <see cref="AlertWorker"/>: finished runs to raise alerts for, and alerts to send.</summary>
internal sealed class AlertQueue
{
    private readonly Channel<AlertWork> _channel = Channel.CreateUnbounded<AlertWork>();

    public ChannelReader<AlertWork> Reader => _channel.Reader;

    /// <summary>The run has ended and its outcome is saved: its flow's rules decide whether anyone is told.</summary>
    public void RunFinished(string runId) => _channel.Writer.TryWrite(new AlertWork(runId, null));

    public void Send(long alertId) => _channel.Writer.TryWrite(new AlertWork(null, alertId));
}

/// <summary>A finished run (<paramref name="RunId"/>) or an alert to send (<paramref name="AlertId"/>).</summary>
internal sealed record AlertWork(string? RunId, long? AlertId);
