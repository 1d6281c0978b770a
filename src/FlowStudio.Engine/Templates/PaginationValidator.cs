namespace FlowStudio.Engine.Templates;

/// <summary>Rules for a <see cref="PaginationSpec"/>: each type needs its own settings.</summary>
internal static class PaginationValidator
{
    /// <summary>The most records one page may be asked for.</summary>
    public const int MaxSize = 100_000;

    public static IEnumerable<string> Problems(PaginationSpec pagination)
    {
        var type = pagination.Type;
        if (!PaginationTypes.All.Contains(type))
        {
            yield return $"pagination.type '{type}' is unknown (expected {string.Join(", ", PaginationTypes.All)})";
            yield break;
        }

        var needs = type switch
        {
            PaginationTypes.PageSize => new[] { ("pageParam", pagination.PageParam), ("sizeParam", pagination.SizeParam) },
            PaginationTypes.Offset => [("offsetParam", pagination.OffsetParam), ("sizeParam", pagination.SizeParam)],
            PaginationTypes.Cursor => [("cursorPath", pagination.CursorPath), ("cursorParam", pagination.CursorParam)],
            PaginationTypes.NextLink or PaginationTypes.NextUrl => [("nextPath", pagination.NextPath)],
            _ => [],
        };
        foreach (var (field, _) in needs.Where(n => string.IsNullOrWhiteSpace(n.Item2)))
        {
            yield return $"pagination of type '{type}' needs pagination.{field}";
        }

        if (type is PaginationTypes.PageSize or PaginationTypes.Offset && pagination.Size is null or < 1)
        {
            yield return $"pagination of type '{type}' needs pagination.size of at least 1";
        }

        if (pagination.Size > MaxSize)
        {
            yield return $"pagination.size can be at most {MaxSize:N0} records per page";
        }

        if (pagination.StartPage < 0)
        {
            yield return "pagination.startPage must be 0 or more (the first page's number: 0 or 1 for most APIs)";
        }

        foreach (var (field, path) in new[]
                 {
                     ("pagination.lastPath", pagination.LastPath), ("pagination.morePath", pagination.MorePath), ("pagination.nextPath", pagination.NextPath),
                     ("pagination.cursorPath", pagination.CursorPath),
                 })
        {
            foreach (var problem in TemplateValidator.OptionalPath(field, path))
            {
                yield return problem;
            }
        }
    }
}
