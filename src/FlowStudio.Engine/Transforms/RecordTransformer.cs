using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Scripting;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Transforms;

/// <summary>
/// Runs a transform's steps, in order, over records: filters, renames and drops here; compute expressions and
/// <c>transform(record)</c> scripts in the sandboxed <see cref="IScriptEvaluator"/>, a chunk of records per call. A record
/// a step fails on is left out of the output and reported with the step; the other records go on.
/// </summary>
public sealed class RecordTransformer(IScriptEvaluator scripts)
{
    /// <summary>Records per script call.</summary>
    public const int ChunkSize = 100;

    /// <summary>Applies <paramref name="steps"/> (checked by <see cref="TransformValidator"/>) to <paramref name="records"/> (JSON objects).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<IReadOnlyList<TransformedRecord>> ApplyAsync(
        IReadOnlyList<TransformStep> steps, IReadOnlyList<string> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(records);
        var errors = new Dictionary<int, TransformError>();
        var items = new List<Item>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            if (JsonText.Parse(records[i]) is JObject record)
            {
                items.Add(new Item(i, record));
            }
            else
            {
                errors[i] = new TransformError(-1, "The record is not a JSON object.");
            }
        }

        for (var step = 0; step < steps.Count && items.Count > 0; step++)
        {
            items = await ApplyAsync(step, steps[step], items, errors, cancellationToken);
        }

        var outputs = items.Where(item => !errors.ContainsKey(item.Index)).ToLookup(item => item.Index, item => item.Record.ToString(Formatting.None));
        return [.. Enumerable.Range(0, records.Count).Select(i => new TransformedRecord(i, [.. outputs[i]], errors.GetValueOrDefault(i)))];
    }

    /// <summary>What a step is called in messages: “Step 2 (Compute total)”.</summary>
    public static string Describe(int index, TransformStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var what = step.Kind switch
        {
            TransformStepKinds.Filter => "Filter records",
            TransformStepKinds.Rename => $"Rename {step.Field}",
            TransformStepKinds.Drop => "Drop fields",
            TransformStepKinds.Compute => $"Compute {step.Field}",
            TransformStepKinds.Script => "JavaScript",
            _ => step.Kind,
        };
        return $"Step {index + 1} ({what})";
    }

    private async Task<List<Item>> ApplyAsync(int index, TransformStep step, List<Item> items, Dictionary<int, TransformError> errors, CancellationToken cancellationToken)
    {
        switch (step.Kind)
        {
            case TransformStepKinds.Filter:
                return [.. items.Where(item => RecordFilter.Passes(step, item.Record))];
            case TransformStepKinds.Rename:
                items.ForEach(item => Rename(item.Record, step.Field!.Trim(), step.To!.Trim()));
                return items;
            case TransformStepKinds.Drop:
                items.ForEach(item => (step.Fields ?? []).ToList().ForEach(field => Remove(item.Record, field.Trim())));
                return items;
            case TransformStepKinds.Compute:
            case TransformStepKinds.Script:
                return await RunScriptAsync(index, step, items, errors, cancellationToken);
            default:
                throw new ArgumentException($"Unknown step kind “{step.Kind}”.", nameof(step));
        }
    }

    private async Task<List<Item>> RunScriptAsync(int index, TransformStep step, List<Item> items, Dictionary<int, TransformError> errors, CancellationToken cancellationToken)
    {
        var compute = step.Kind == TransformStepKinds.Compute;
        var code = compute ? StepScripts.Compute(step.Expression ?? "") : StepScripts.Script(step.Code ?? "");
        var results = new List<Item>(items.Count);
        foreach (var chunk in items.Chunk(ChunkSize))
        {
            JArray answers;
            try
            {
                var json = await scripts.CallFunctionAsync(code, StepScripts.FunctionName, new JArray(chunk.Select(c => c.Record)).ToString(Formatting.None), cancellationToken);
                answers = json is null ? [] : JsonText.Parse(json) as JArray ?? [];
            }
            catch (ScriptException error)
            {
                var message = compute && error.Kind == ScriptErrorKind.Syntax ? StepScripts.ExpressionProblem(error) : error.Message;
                foreach (var item in chunk)
                {
                    errors.TryAdd(item.Index, new TransformError(index, $"{Describe(index, step)}: {message}"));
                }

                continue;
            }

            for (var i = 0; i < chunk.Length; i++)
            {
                var item = chunk[i];
                var answer = i < answers.Count ? answers[i] as JObject : null;
                if (answer?["e"] is { } thrown)
                {
                    errors.TryAdd(item.Index, new TransformError(index, $"{Describe(index, step)}: {thrown}"));
                }
                else if (compute)
                {
                    item.Record[step.Field!.Trim()] = answer?["v"] ?? JValue.CreateNull();
                    results.Add(item);
                }
                else if (Split(answer?["v"], answer?["u"] is not null) is { } outputs)
                {
                    results.AddRange(outputs.Select(o => item with { Record = o }));
                }
                else
                {
                    errors.TryAdd(item.Index, new TransformError(index,
                        $"{Describe(index, step)}: transform(record) must return the record (an object), null to drop it, or an array of records to split it."));
                }
            }
        }

        return results;
    }

    /// <summary>The records a script returned: an object, null (none) or an array of objects; null when it returned anything else.</summary>
    private static List<JObject>? Split(JToken? value, bool undefined) => value switch
    {
        _ when undefined => null,
        null or { Type: JTokenType.Null } => [],
        JObject record => [record],
        JArray array when array.All(a => a is JObject) => [.. array.Cast<JObject>()],
        _ => null,
    };

    private static void Rename(JObject record, string field, string to)
    {
        if (record.Property(field) is { } property && field != to)
        {
            record.Remove(to);
            property.Replace(new JProperty(to, property.Value));
        }
    }

    private static void Remove(JObject record, string field)
    {
        if (record.Remove(field))
        {
            return;
        }

        var dot = field.LastIndexOf('.');
        if (dot > 0 && RecordFields.Read(record, field[..dot]) is JObject parent)
        {
            parent.Remove(field[(dot + 1)..]);
        }
    }

    private sealed record Item(int Index, JObject Record);
}
