namespace FlowStudio.Sandbox.Clari;

/// <summary>Clari's error envelopes, which differ per product (reference §2.1).</summary>
internal static class ClariErrors
{
    /// <summary>Ingestion: a JSON array of <c>{errorCode, errorSummary}</c>.</summary>
    public static IResult Ingest(int statusCode, params IEnumerable<IngestError> errors) =>
        ClariJson.Result(errors.ToArray(), statusCode: statusCode);

    /// <summary>Export, forecast and admin: <c>{code, namespace, errorId, message, orgId}</c>.</summary>
    public static IResult Export(int statusCode, string code, string space, string message, string? source = null) =>
        ClariJson.Result(new ExportErrorBody(code, space, NewErrorId(), message, ClariAccount.OrgId, source), statusCode: statusCode);

    /// <summary>Activity export's generic client error (userId and orgId as strings, per its schema).</summary>
    public static IResult Activity(string message) =>
        ClariJson.Result(
            new { code = "Bad request", @namespace = "activity", errorId = NewErrorId(), message, userId = $"{ClariAccount.UserId}", orgId = $"{ClariAccount.OrgId}" },
            statusCode: StatusCodes.Status400BadRequest);

    /// <summary>Audit: <c>{errors:[{code, message, target, status, details}]}</c>.</summary>
    public static IResult Audit(string code, string message, string target, string details) =>
        ClariJson.Result(
            new { errors = new[] { new { code, message, target, status = "400", details } } },
            statusCode: StatusCodes.Status400BadRequest);

    /// <summary>Opportunity: an array of <c>{statusCode, reaspnPhrase, description, details}</c> (the misspelling is Clari's).</summary>
    public static IResult Opportunity(string description, string details) =>
        ClariJson.Result(
            new[] { new { statusCode = 400, reaspnPhrase = "Bad Request", description, details } },
            statusCode: StatusCodes.Status400BadRequest);

    public static IResult QuotaReached(ClariOptions options) =>
        Export(
            StatusCodes.Status400BadRequest,
            "export_monthly_quota_reached",
            "exports",
            $"The monthly quota limit of {options.ExportMonthlyQuota} or concurrent limit of {options.ExportConcurrentLimit} has been reached.",
            source: "Export");

    private static string NewErrorId() => Guid.NewGuid().ToString();
}

internal sealed record ExportErrorBody(
    string Code,
    string Namespace,
    string ErrorId,
    string Message,
    int OrgId,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Source);
