using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>
/// Turns a meeting transcript into a client note. The real endpoint summarises with AI; the sandbox must be repeatable,
/// so each section is picked from the transcript's own sentences by fixed rules.
/// </summary>
internal static partial class TranscriptNote
{
    public static readonly IReadOnlyList<string> DefaultHeaders = ["Summary", "Participants", "Action Items"];

    private static readonly string[] ActionCues = ["will ", "next step", "action item", "follow up", "follow-up", "to do", "todo", "by friday", "deadline"];

    public static (string Subject, string Html, IReadOnlyList<string> Participants) Build(
        string transcript, IReadOnlyList<string> participants, IReadOnlyList<string>? headers)
    {
        var speakers = new List<string>();
        var sentences = new List<string>();
        foreach (var line in transcript.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Speaker().Match(line);
            if (match.Success && !speakers.Contains(match.Groups[1].Value.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                speakers.Add(match.Groups[1].Value.Trim());
            }

            sentences.AddRange(SentenceBreak().Split(match.Success ? line[match.Length..] : line).Select(text => text.Trim()).Where(text => text.Length > 0));
        }

        // A speaker label is usually a first name: "Dana" is already listed when "Dana Whitfield" is a participant.
        var everyone = participants.Concat(speakers.Where(speaker => !participants.Any(person =>
                person.StartsWith(speaker + " ", StringComparison.OrdinalIgnoreCase))))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var html = new StringBuilder();
        foreach (var header in headers is { Count: > 0 } ? headers : DefaultHeaders)
        {
            html.Append("<h3>").Append(WebUtility.HtmlEncode(header)).Append("</h3>");
            html.Append(List(Section(header, sentences, everyone)));
        }

        var first = sentences.FirstOrDefault() ?? "Meeting";
        var subject = "Meeting summary: " + (first.Length > 80 ? first[..77] + "..." : first);
        return (subject, html.ToString(), everyone);
    }

    private static List<string> Section(string header, List<string> sentences, List<string> participants)
    {
        var key = header.ToLowerInvariant();
        if (key.Contains("particip", StringComparison.Ordinal) || key.Contains("attendee", StringComparison.Ordinal))
        {
            return participants.Count > 0 ? participants : ["No participants were named."];
        }

        if (key.Contains("action", StringComparison.Ordinal) || key.Contains("next", StringComparison.Ordinal) || key.Contains("follow", StringComparison.Ordinal))
        {
            var actions = sentences.Where(sentence => ActionCues.Any(cue => sentence.Contains(cue, StringComparison.OrdinalIgnoreCase))).Take(5).ToList();
            return actions.Count > 0 ? actions : ["No action items were mentioned."];
        }

        if (key.Contains("summary", StringComparison.Ordinal) || key.Contains("overview", StringComparison.Ordinal) || key.Contains("recap", StringComparison.Ordinal))
        {
            return sentences.Count > 0 ? [string.Join(" ", sentences.Take(2))] : ["The transcript was empty."];
        }

        var words = Word().Matches(key).Select(match => match.Value).ToList();
        var related = sentences.Where(sentence => words.Any(word => sentence.Contains(word, StringComparison.OrdinalIgnoreCase))).Take(5).ToList();
        return related.Count > 0 ? related : ["Not discussed."];
    }

    private static string List(List<string> lines) => lines.Count == 1
        ? $"<p>{WebUtility.HtmlEncode(lines[0])}</p>"
        : "<ul>" + string.Concat(lines.Select(line => $"<li>{WebUtility.HtmlEncode(line)}</li>")) + "</ul>";

    [GeneratedRegex(@"^\s*([A-Za-z][\w .'-]{0,40}):\s")]
    private static partial Regex Speaker();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"[a-z]{4,}")]
    private static partial Regex Word();
}
