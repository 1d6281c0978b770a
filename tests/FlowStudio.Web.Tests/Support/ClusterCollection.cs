namespace FlowStudio.Web.Tests.Support;

/// <summary>The tests that share one <see cref="AppCluster"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<AppCluster>
{
    public const string Name = "cluster";
}
