namespace FlowStudio.Web.Tests.Features.Alerts;

/// <summary>The tests that share the <see cref="AlertsApp"/> host, its mail sink and its webhook listener.</summary>
[CollectionDefinition(Name)]
public sealed class AlertsCollection : ICollectionFixture<AlertsApp>
{
    public const string Name = "alerts";
}
