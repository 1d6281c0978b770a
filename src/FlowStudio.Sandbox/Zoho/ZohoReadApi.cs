using System.Globalization;
using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.Zoho;

/// <summary>Get records (paged, <c>If-Modified-Since</c>), get one record, and search by <c>criteria</c>.</summary>
internal static class ZohoReadApi
{
    private const int MaxPerPage = 200;

    public static IResult List(string module, HttpRequest request, ZohoStore store)
    {
        if (ZohoModule.Find(module) is not { } found)
        {
            return ZohoErrors.InvalidModule();
        }

        var fields = request.Query["fields"].ToString();
        if (fields.Length == 0)
        {
            return ZohoErrors.RequiredParamMissing("fields");
        }

        var names = fields.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.FirstOrDefault(n => found.Field(n) is null) is { } unknown)
        {
            return ZohoErrors.InvalidData("the field is not available", new JsonObject { ["api_name"] = unknown });
        }

        var sortBy = request.Query["sort_by"].ToString() is { Length: > 0 } s ? s : "id";
        var sortOrder = request.Query["sort_order"].ToString() is { Length: > 0 } o ? o : "desc";
        if (sortBy is not ("id" or "Created_Time" or "Modified_Time") || sortOrder is not ("asc" or "desc"))
        {
            return ZohoErrors.InvalidData("invalid data", new JsonObject { ["param"] = sortBy is "id" or "Created_Time" or "Modified_Time" ? "sort_order" : "sort_by" });
        }

        IEnumerable<JsonObject> records = store.Records(found);
        if (request.Headers.IfModifiedSince.ToString() is { Length: > 0 } since)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.None, out var after))
            {
                return ZohoErrors.InvalidData("invalid data", new JsonObject { ["header"] = "If-Modified-Since" });
            }

            records = records.Where(r => ZohoJson.ParseTime(r["Modified_Time"]) > after).ToList();
            if (!records.Any())
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
        }

        records = Sort(records, sortBy, sortOrder == "desc");
        var projected = records.Select(r => Project(r, names));
        return Page(request, projected, sortBy, sortOrder);
    }

    public static IResult Get(string module, string id, ZohoStore store)
    {
        if (ZohoModule.Find(module) is not { } found)
        {
            return ZohoErrors.InvalidModule();
        }

        return store.Find(found, id) is { } record
            ? ZohoJson.Result(new JsonObject { ["data"] = new JsonArray(record) })
            : Results.NoContent();
    }

    public static IResult Search(string module, HttpRequest request, ZohoStore store)
    {
        if (ZohoModule.Find(module) is not { } found)
        {
            return ZohoErrors.InvalidModule();
        }

        var criteria = request.Query["criteria"].ToString();
        var email = request.Query["email"].ToString();
        var word = request.Query["word"].ToString();
        Func<JsonObject, bool> match;
        if (criteria.Length > 0)
        {
            var parsed = ZohoCriteria.Parse(criteria, found);
            if (parsed.Match is null)
            {
                var details = new JsonObject { ["reason"] = parsed.Error };
                if (parsed.Field is not null)
                {
                    details["api_name"] = parsed.Field;
                }

                return ZohoErrors.Result(StatusCodes.Status400BadRequest, "INVALID_QUERY", "invalid query formed", details);
            }

            match = parsed.Match;
        }
        else if (email.Length > 0)
        {
            match = r => string.Equals(r["Email"]?.ToString(), email, StringComparison.OrdinalIgnoreCase);
        }
        else if (word.Length > 0)
        {
            match = r => r.Any(p => p.Value is JsonValue v && v.ToString().Contains(word, StringComparison.OrdinalIgnoreCase));
        }
        else
        {
            return ZohoErrors.RequiredParamMissing("criteria");
        }

        var matches = store.Records(found).Where(match).ToList();
        return matches.Count == 0 ? Results.NoContent() : Page(request, matches, "id", "asc", search: true);
    }

    private static IResult Page(HttpRequest request, IEnumerable<JsonObject> records, string sortBy, string sortOrder, bool search = false)
    {
        var page = ReadInt(request, "page", 1);
        var perPage = ReadInt(request, "per_page", MaxPerPage);
        if (page is null or < 1)
        {
            return ZohoErrors.InvalidData("invalid data", new JsonObject { ["param"] = "page" });
        }

        if (perPage is null or < 1 or > MaxPerPage)
        {
            return ZohoErrors.InvalidData("invalid data", new JsonObject { ["param"] = "per_page", ["maximum_length"] = MaxPerPage });
        }

        var all = records.ToList();
        var slice = all.Skip((page.Value - 1) * perPage.Value).Take(perPage.Value).ToList();
        if (slice.Count == 0)
        {
            return Results.NoContent();
        }

        var info = new JsonObject
        {
            ["per_page"] = perPage.Value,
            ["count"] = slice.Count,
            ["page"] = page.Value,
            ["more_records"] = page.Value * perPage.Value < all.Count,
        };
        if (!search)
        {
            info["sort_by"] = sortBy;
            info["sort_order"] = sortOrder;
        }

        return ZohoJson.Result(new JsonObject { ["data"] = new JsonArray([.. slice]), ["info"] = info });
    }

    private static int? ReadInt(HttpRequest request, string name, int fallback)
    {
        var text = request.Query[name].ToString();
        return text.Length == 0 ? fallback : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static IEnumerable<JsonObject> Sort(IEnumerable<JsonObject> records, string sortBy, bool descending)
    {
        Func<JsonObject, string> key = sortBy == "id"
            ? r => r["id"]!.GetValue<string>()
            : r => ZohoJson.ParseTime(r[sortBy]).UtcTicks.ToString("D20", CultureInfo.InvariantCulture) + r["id"]!.GetValue<string>();
        return descending ? records.OrderByDescending(key, StringComparer.Ordinal) : records.OrderBy(key, StringComparer.Ordinal);
    }

    private static JsonObject Project(JsonObject record, string[] names)
    {
        var result = new JsonObject { ["id"] = record["id"]!.DeepClone() };
        foreach (var name in names.Where(n => n != "id"))
        {
            result[name] = record[name]?.DeepClone();
        }

        return result;
    }
}
