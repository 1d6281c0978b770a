namespace FlowStudio.Web.Tests.Support;

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<FlowStudioApp>
{
    public const string Name = "app";
}
