using FlowStudio.Engine.Destinations;

namespace FlowStudio.Engine.Tests.Destinations;

public sealed class LastBatchFlagTests
{
    [Theory]
    [InlineData("/v2/ingest/entity/account?mode=initial&isLastBatch=true", true)]
    [InlineData("/v2/ingest/entity/account?isLastBatch=TRUE&mode=Initial", true)]
    [InlineData("/v2/ingest/entity/account?mode=incremental&isLastBatch=true", false)]
    [InlineData("/v2/ingest/entity/account?mode=initial&isLastBatch=false", false)]
    [InlineData("/v2/ingest/entity/account?mode=initial", false)]
    [InlineData("/v2/ingest/entity/account?mode=initialx&isLastBatch=true", false)]
    [InlineData("/v2/ingest/entity/account?mode=initial&notisLastBatch=true", false)]
    [InlineData(null, false)]
    public void ClosesLoad_OnlyAnInitialLoadThatItsCallCloses(string? url, bool expected) =>
        Assert.Equal(expected, LastBatchFlag.ClosesLoad(url));

    [Theory]
    [InlineData("/v2/ingest/entity/account?mode=initial&isLastBatch=true", "/v2/ingest/entity/account?mode=initial&isLastBatch=false")]
    [InlineData("https://api.clari.com/v2/ingest/entity/deal?isLastBatch=true&mode=initial", "https://api.clari.com/v2/ingest/entity/deal?isLastBatch=false&mode=initial")]
    public void Intermediate_SaysIsLastBatchFalse_AndLeavesTheRest(string url, string expected) =>
        Assert.Equal(expected, LastBatchFlag.Intermediate(url));
}
