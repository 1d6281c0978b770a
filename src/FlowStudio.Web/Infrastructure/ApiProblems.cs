using FlowStudio.Engine;

namespace FlowStudio.Web.Infrastructure;

/// <summary>RFC 7807 answers for bad input: the detail names each field and its problem so a user can act on it.</summary>
internal static class ApiProblems
{
    /// <summary>The most problems one answer lists: a request with thousands of bad items gets the first ones and a count.</summary>
    public const int MaxListed = 100;

    public static IResult Invalid(IReadOnlyCollection<FieldError> errors, int statusCode = StatusCodes.Status400BadRequest)
    {
        var listed = errors.Take(MaxListed).ToList();
        var more = errors.Count - listed.Count;
        return TypedResults.Problem(
            detail: string.Join(" ", listed.Select(e => $"{e.Field}: {e.Message}"))
                + (more > 0 ? $" … and {more} more problems of the same request: fix these first." : ""),
            statusCode: statusCode,
            title: "The request has invalid fields.",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = listed.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            });
    }

    public static IResult Invalid(string field, string message, int statusCode = StatusCodes.Status400BadRequest) =>
        Invalid([new FieldError(field, message)], statusCode);

    public static IResult NotFound(string what, string id) =>
        TypedResults.Problem(detail: $"{what} '{id}' does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict.");
}
