namespace FlowStudio.Sandbox.Clari;

/// <summary>The path and query of an ingest call: entity, <c>mode</c> and <c>isLastBatch</c>.</summary>
internal sealed record IngestParameters(string Entity, bool Initial, bool IsLastBatch)
{
    /// <summary>Reads and checks the parameters; the error is the one Clari reports first.</summary>
    public static (IngestParameters? Parameters, IngestError? Error) Read(string entity, IQueryCollection query, ReceivedRecords received)
    {
        var normalized = IngestEntities.Normalize(entity);
        if (normalized is null)
        {
            return (null, IngestEntities.NotEnabled());
        }

        // mode is optional in the spec; without it a call is treated as incremental.
        var mode = query["mode"].ToString();
        var initial = mode.Equals("initial", StringComparison.OrdinalIgnoreCase);
        if (mode.Length > 0 && !initial && !mode.Equals("incremental", StringComparison.OrdinalIgnoreCase))
        {
            return (null, IngestError.InputFormat(
                "Mode value is invalid. Please try again with a valid mode value, possible values are [initial, increment]"));
        }

        var lastBatch = query["isLastBatch"].ToString();
        var isLastBatch = false;
        if (lastBatch.Length > 0 && !bool.TryParse(lastBatch, out isLastBatch))
        {
            // Not in the spec's error list; worded like its neighbours.
            return (null, IngestError.InputFormat("isLastBatch value is invalid. Please try again with a valid value, possible values are [true, false]"));
        }

        if (initial && received.IsInitialLoadFinished(normalized))
        {
            return (null, InitialNotAllowed(normalized));
        }

        return (new IngestParameters(normalized, initial, isLastBatch), null);
    }

    public static IngestError InitialNotAllowed(string entity) =>
        IngestError.InputFormat(
            $"'Initial' mode is allowed only during initial ingestion of data, please try ingesting it with 'Incremental' mode for {entity} entity");
}
