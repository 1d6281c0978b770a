using System.Globalization;
using FlowStudio.Web.Features.Sources;

namespace FlowStudio.Web.Features.Flows;

/// <summary>How a node reads, on the canvas, to a screen reader and in the list view: the same words everywhere.</summary>
internal static class FlowNodeText
{
    public static string Records(long count) => Count(count, "record", "records");

    public static string State(FlowSourceNode source) => SourceStateWords.For(source.Kind, source.Status);

    /// <summary>"Active" or "Paused".</summary>
    public static string State(FlowDestinationNode destination) => destination.Status.ToString();

    public static string Counts(FlowDestinationNode destination) =>
        $"{Number(destination.Sent)} sent, {Number(destination.Pending)} pending, {Number(destination.Failed)} failed";

    /// <summary>"Source Search Pulses, active, 120 records".</summary>
    public static string Describe(FlowSourceNode source) =>
        $"Source {source.Name}, {State(source).ToLowerInvariant()}{Running(source.Running)}, {Records(source.RecordCount)}";

    public static string Describe(FlowDatasetNode dataset) => $"Dataset {dataset.Name}, {Records(dataset.RecordCount)}";

    /// <summary>"3 steps, 42 records".</summary>
    public static string Counts(FlowTransformNode transform) => $"{Count(transform.Steps, "step", "steps")}, {Records(transform.RecordCount)}";

    public static string Describe(FlowTransformNode transform) => $"Transform {transform.Name}, {Counts(transform)}";

    public static string Describe(FlowDestinationNode destination) =>
        $"Destination {destination.Name}, {State(destination).ToLowerInvariant()}{Running(destination.Running)}, {Counts(destination)}";

    private static string Running(bool running) => running ? ", running" : "";

    private static string Count(long count, string one, string many) => $"{Number(count)} {(count == 1 ? one : many)}";

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
