using System.Globalization;
using SpeechGate.Server.Errors;
using SpeechGate.Voices;

namespace SpeechGate.Server.Catalog;

/// <summary><c>GET /v2/voices</c> filtering, sorting and paging; the page token is an opaque offset.</summary>
internal sealed record VoiceQuery(int PageSize, int Offset, string? Search, string? Sort, bool Descending, IReadOnlySet<string> VoiceIds, string? Category)
{
    public static VoiceQuery Parse(IQueryCollection query)
    {
        List<ValidationError> errors = [];
        var pageSize = ParseInt(query, "page_size", 10, 1, 100, errors);
        var token = query["next_page_token"].ToString();
        var offset = 0;
        if (token.Length > 0 && (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            errors.Add(new(["query", "next_page_token"], "Invalid page token", "value_error"));
        }

        var sort = query["sort"].ToString() is { Length: > 0 } s ? s : null;
        if (sort is not (null or "name" or "created_at_unix"))
        {
            errors.Add(new(["query", "sort"], "Input should be 'created_at_unix' or 'name'", "enum"));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var ids = query["voice_ids"].Concat(query["voice_ids[]"]).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return new VoiceQuery(pageSize, offset, query["search"].ToString() is { Length: > 0 } search ? search : null, sort,
            string.Equals(query["sort_direction"], "desc", StringComparison.OrdinalIgnoreCase), ids,
            query["category"].ToString() is { Length: > 0 } category ? category : null);
    }

    public IEnumerable<VoiceInfo> Apply(IEnumerable<VoiceInfo> voices)
    {
        var filtered = voices.Where(voice =>
            (Search is null || voice.Name.Contains(Search, StringComparison.OrdinalIgnoreCase) || voice.VoiceId.Contains(Search, StringComparison.OrdinalIgnoreCase))
            && (VoiceIds.Count == 0 || VoiceIds.Contains(voice.VoiceId))
            && (Category is null || string.Equals(voice.Category, Category, StringComparison.Ordinal)));
        if (Sort == "name")
        {
            filtered = Descending ? filtered.OrderByDescending(v => v.Name, StringComparer.OrdinalIgnoreCase) : filtered.OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase);
        }

        return filtered;
    }

    private static int ParseInt(IQueryCollection query, string name, int fallback, int min, int max, List<ValidationError> errors)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(new(["query", name], "Input should be a valid integer, unable to parse string as an integer", "int_parsing"));
        }
        else if (value < min || value > max)
        {
            errors.Add(new(["query", name], value < min ? $"Input should be greater than or equal to {min}" : $"Input should be less than or equal to {max}",
                value < min ? "greater_than_equal" : "less_than_equal"));
        }

        return Math.Clamp(value, min, max);
    }
}
