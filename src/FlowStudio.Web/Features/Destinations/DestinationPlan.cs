using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Destinations;

namespace FlowStudio.Web.Features.Destinations;

internal sealed record DestinationPlan(DestinationConfig Config, Connection Connection, string DatasetId);
