using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>The v2 search envelope: <c>{data, first, last, page, size, totalPages, totalElements}</c>.</summary>
internal static class SearchEnvelope
{
    /// <summary>
    /// One page of the selection, with <c>modifiedAfter</c> compared against the collection's time field. The records
    /// are read in order from the collection's id order or a cached sorted view, and the page's stored bytes are written
    /// as they are: no record is sorted, copied or serialised per request.
    /// </summary>
    public static IResult Build(RecordSelection selection, SearchQuery query)
    {
        var view = selection.Candidates switch
        {
            null => selection.Collection.View(query.SortBy, query.Descending),
            var candidates when query.SortBy == "id" => RecordView.ById(candidates, query.Descending),
            var candidates => RecordView.Sorted(candidates, query.SortBy, query.Descending),
        };
        var skip = (long)query.Page * query.Size;
        var page = new List<ReadOnlyMemory<byte>>(query.Size);
        var after = query.ModifiedAfter?.UtcTicks;
        var filters = selection.Filters;
        if (after is null && filters.Count == 0)
        {
            for (var position = skip; position < Math.Min(view.Count, skip + query.Size); position++)
            {
                page.Add(view[(int)position].Json);
            }

            return new SearchPageResult(page, query, view.Count);
        }

        var total = 0;
        for (var position = 0; position < view.Count; position++)
        {
            if ((after is { } ticks && view.TimeAt(position) <= ticks) || (filters.Count > 0 && !Passes(selection, view[position])))
            {
                continue;
            }

            if (total >= skip && total < skip + query.Size)
            {
                page.Add(view[position].Json);
            }

            total++;
        }

        return new SearchPageResult(page, query, total);
    }

    /// <summary>Orders live records as a search does: by the field (see <see cref="JsonValueComparer"/>), ties by id.</summary>
    public static IEnumerable<JsonObject> Sort(IEnumerable<JsonObject> records, string sortBy, bool descending)
    {
        var ordered = descending
            ? records.OrderByDescending(record => record[sortBy], JsonValueComparer.Instance)
            : records.OrderBy(record => record[sortBy], JsonValueComparer.Instance);
        return descending ? ordered.ThenByDescending(Ids.Of) : ordered.ThenBy(Ids.Of);
    }

    private static bool Passes(RecordSelection selection, StoredRecord stored)
    {
        var record = selection.Collection.Live(stored);
        foreach (var filter in selection.Filters)
        {
            if (!filter(record))
            {
                return false;
            }
        }

        return true;
    }
}
