namespace FlowStudio.Sandbox.Clari;

/// <summary>One item of the ingestion APIs' error arrays (the schema calls the 2nd field description; every example uses errorSummary).</summary>
internal sealed record IngestError(string ErrorCode, string ErrorSummary)
{
    public static IngestError InputFormat(string summary) => new("INVALID_INPUT_FORMAT", summary);

    public static IngestError DataType(string summary) => new("DATA_TYPE_ERROR", summary);

    public static IngestError FileFormat(string summary) => new("INVALID_FILE_FORMAT", summary);
}
