using System.Globalization;
using FlowStudio.Engine.Paths;

namespace FlowStudio.Application.Destinations;

/// <summary>Says in plain words where JSON a user typed goes wrong, instead of the parser's own message.</summary>
internal static class JsonProblems
{
    public static string Describe(string what, InvalidJsonException problem, string example) =>
        problem.LineNumber > 0
            ? string.Create(CultureInfo.InvariantCulture,
                $"{what} is not valid JSON: check line {problem.LineNumber} near character {problem.LinePosition} (quotes around names and text, commas between items, every bracket closed), {example}.")
            : $"{what} is not valid JSON: it ends too early or is empty; write a complete JSON object, {example}.";
}
