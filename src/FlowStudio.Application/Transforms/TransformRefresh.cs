namespace FlowStudio.Application.Transforms;

/// <summary>What refreshing a transform's dataset did: records read, records written, records that failed and the first failure.</summary>
internal sealed record TransformRefresh(string TransformName, long Read, long Written, long Failed, string? FirstError)
{
    /// <summary>“Transform “Red pulses”: 2 records failed. Step 1 (JavaScript): TypeError: …”; null when none failed.</summary>
    public string? Problem => Failed == 0 ? null : $"Transform “{TransformName}”: {Failed} record{(Failed == 1 ? "" : "s")} failed. {FirstError}";
}
