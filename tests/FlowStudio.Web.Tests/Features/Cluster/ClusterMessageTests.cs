namespace FlowStudio.Web.Tests.Features.Cluster;

public sealed class ClusterMessageTests
{
    [Fact]
    public void Write_RunChange_IsSmallJsonThatReadsBackAsTheChangeAndItsSender()
    {
        var change = new FlowChange(FlowChangeKind.Run, "dst_8f3k2m1q", "run_0a9b8c7d");

        var payload = ClusterMessage.Write("instance-a", change)!;

        Assert.True(payload.Length < 200, payload);
        Assert.Contains("\"kind\":\"run\"", payload, StringComparison.Ordinal);
        var message = ClusterMessage.Read(payload)!;
        Assert.Equal("instance-a", message.Instance);
        Assert.Equal(change, message.ToChange());
    }

    [Fact]
    public void Write_PayloadPostgresWouldRefuse_IsNotSent()
    {
        Assert.Null(ClusterMessage.Write("instance-a", new FlowChange(FlowChangeKind.Source, new string('x', 8000))));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"instance\":\"b\"}")]
    [InlineData("{\"instance\":\"b\",\"kind\":\"dashboard\",\"resourceId\":\"x\"}")]
    public void Read_AnythingElseOnTheChannel_IsNoChange(string payload)
    {
        Assert.Null(ClusterMessage.Read(payload)?.ToChange());
    }
}
