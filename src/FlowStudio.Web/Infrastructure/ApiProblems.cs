using FlowStudio.Engine;

namespace FlowStudio.Web.Infrastructure;

/// <summary>RFC 7807 answers for bad input: the detail names each field and its problem so a user can act on it.</summary>
internal static class ApiProblems
{
    public static IResult Invalid(IReadOnlyCollection<FieldError> errors, int statusCode = StatusCodes.Status400BadRequest) =>
        TypedResults.Problem(
            detail: string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")),
            statusCode: statusCode,
            title: "The request has invalid fields.",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            });

    public static IResult Invalid(string field, string message, int statusCode = StatusCodes.Status400BadRequest) =>
        Invalid([new FieldError(field, message)], statusCode);

    public static IResult NotFound(string what, string id) =>
        TypedResults.Problem(detail: $"{what} '{id}' does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict.");
}
