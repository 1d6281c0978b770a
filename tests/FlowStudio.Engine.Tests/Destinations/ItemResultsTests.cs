using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Http;

namespace FlowStudio.Engine.Tests.Destinations;

public sealed class ItemResultsTests
{
    private const string Sent = """{"contacts":[{"email":"a@x.example"},{"email":"b@x.example"},{"email":"c@x.example"}]}""";

    [Fact]
    public void Failures_ResultsWithIndex_FailTheItemsTheyName()
    {
        var failures = ItemResults.Failures(Payload(), """
            {"results":[{"index":2,"status":"failed","errors":[{"field":"email","message":"taken"}]},{"index":0,"status":"created"},{"index":1,"status":"updated"}]}
            """);

        Assert.Equal([(30L, "email: taken")], failures.Select(f => (f.RecordId, f.Reason)));
    }

    [Fact]
    public void Failures_ResultsEchoingAnIdentifyingField_FailTheItemWithThatValueWhateverTheirOrder()
    {
        var failures = ItemResults.Failures(Payload(), """
            {"results":[{"email":"c@x.example","status":"created"},{"email":"a@x.example","status":"failed","errors":"bad"},{"email":"b@x.example","status":"created"}]}
            """);

        Assert.Equal([(10L, "bad")], failures.Select(f => (f.RecordId, f.Reason)));
    }

    [Fact]
    public void Failures_OneResultPerItemWithNothingIdentifying_FollowTheRequestOrder()
    {
        var failures = ItemResults.Failures(Payload(), """{"results":[{"status":"created"},{"status":"failed"},{"status":"created"}]}""");

        Assert.Equal([20L], failures.Select(f => f.RecordId));
    }

    [Fact]
    public void Failures_AFailureThatNamesNoItem_FailsEveryRecordOfTheRequest()
    {
        var failures = ItemResults.Failures(Payload(), """{"results":[{"status":"failed","errors":"quota exceeded"}]}""");

        Assert.Equal([10L, 20L, 30L], failures.Select(f => f.RecordId));
        Assert.All(failures, f => Assert.StartsWith("quota exceeded", f.Reason, StringComparison.Ordinal));
    }

    private static OutboundPayload Payload() =>
        new("POST", "/v2/workato/contact/batchUpsert", new Dictionary<string, string>(), Sent, RequestBodyKind.Json, [10, 20, 30]);
}
