namespace FlowStudio.Engine.Connectors;

/// <summary>Values of the REST connector's <c>authType</c> field.</summary>
public static class RestAuthTypes
{
    public const string None = "none";
    public const string ApiKey = "apiKey";
    public const string Basic = "basic";
    public const string Bearer = "bearer";

    /// <summary>The header an API key goes in when <c>headerName</c> is not set.</summary>
    public const string DefaultApiKeyHeader = "X-API-Key";

    public static readonly IReadOnlyList<string> All = [None, ApiKey, Basic, Bearer];
}
