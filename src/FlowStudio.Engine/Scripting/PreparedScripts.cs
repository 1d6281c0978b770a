using System.Collections.Concurrent;
using Acornima;
using Acornima.Ast;
using Jint;
using JsEngine = Jint.Engine;

namespace FlowStudio.Engine.Scripting;

/// <summary>
/// Parsed scripts by code text (<c>Engine.PrepareScript</c> once per distinct code, shared by every run), so a
/// delivery parses its grouping code once, not once per batch. Bounded: past <see cref="Capacity"/> entries it starts
/// over.
/// </summary>
internal sealed class PreparedScripts
{
    public const int Capacity = 256;

    private readonly ConcurrentDictionary<string, Prepared<Script>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Prepared<Script>> _lookups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RecordUse> _uses = new(StringComparer.Ordinal);

    /// <summary>The parsed <paramref name="code"/>.</summary>
    /// <exception cref="ScriptException">The code does not parse.</exception>
    public Prepared<Script> Get(string code, int maxNesting)
    {
        if (_scripts.TryGetValue(code, out var prepared))
        {
            return prepared;
        }

        if (NestingScan.Check(code, maxNesting) is { } tooDeep)
        {
            throw tooDeep;
        }

        try
        {
            prepared = JsEngine.PrepareScript(code, ScriptFailures.CodeSource);
        }
        catch (ScriptPreparationException error)
        {
            throw ScriptFailures.Syntax(error);
        }
        catch (ParseErrorException error)
        {
            throw ScriptFailures.Syntax(error);
        }

        if (_scripts.Count >= Capacity)
        {
            _scripts.Clear();
            _uses.Clear();
        }

        _scripts[code] = prepared;
        return prepared;
    }

    /// <summary>What the code has done with the records it was given, so far.</summary>
    public RecordUse Use(string code) => _uses.GetOrAdd(code, static _ => new RecordUse());

    /// <summary>A script whose value is the function <paramref name="name"/> declared by the code, or undefined.</summary>
    public Prepared<Script> Lookup(string name) => _lookups.GetOrAdd(name, static n =>
        JsEngine.PrepareScript($"typeof {n} === 'function' ? {n} : undefined", "lookup"));
}
