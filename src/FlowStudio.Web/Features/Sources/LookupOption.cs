namespace FlowStudio.Web.Features.Sources;

/// <summary>One choice of the Add Lookups to Supported Macros menu.</summary>
public sealed record LookupOption(string Id, string Label);
