using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Destinations;

namespace FlowStudio.Application.Destinations;

internal sealed record DestinationPlan(DestinationConfig Config, Connection Connection, string DatasetId);
