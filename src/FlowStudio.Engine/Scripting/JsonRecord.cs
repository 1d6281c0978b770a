using Jint.Native;
using Jint.Native.Json;
using Jint.Native.Object;
using Jint.Runtime;
using JsEngine = Jint.Engine;

namespace FlowStudio.Engine.Scripting;

/// <summary>
/// A record handed to a script as its JSON text, in canonical form (<see cref="CanonicalJson"/>). It becomes an ordinary
/// object the first time anything looks at it (Jint initialises every object lazily, before any property read, write,
/// key listing or definition); until then <see cref="ResultWriter"/> writes its text back as it came.
/// </summary>
internal sealed class JsonRecord(JsEngine engine, JsonRecord.Batch batch, uint index, int start, int length) : ObjectInstance(engine)
{
    /// <summary>Whether the script has looked at the record (and it is now an ordinary object).</summary>
    public bool Parsed { get; private set; }

    /// <summary>The record's JSON text, which is also what JSON.stringify would write for it while unparsed.</summary>
    public ReadOnlySpan<char> Text => batch.Source.AsSpan(start, length);

    protected override void Initialize()
    {
        Parsed = true;
        batch.ParsedCount++;
        var parsed = batch.Element(index);
        foreach (var key in parsed.GetOwnPropertyKeys(Types.String))
        {
            FastSetDataProperty(key.ToString(), parsed.Get(key));
        }
    }

    /// <summary>
    /// The argument the records came from. The first record a script looks at parses the whole argument at once, which
    /// costs less than parsing records one by one; every record then takes its properties from its own element.
    /// </summary>
    internal sealed class Batch(JsEngine engine, string source)
    {
        private JsArray? _parsed;

        public string Source { get; } = source;

        /// <summary>How many of the batch's records were handed over unparsed.</summary>
        public int Count { get; set; }

        /// <summary>How many of those the script has looked at.</summary>
        public int ParsedCount { get; set; }

        public ObjectInstance Element(uint index)
        {
            _parsed ??= (JsArray)new JsonParser(engine).Parse(Source);
            return (ObjectInstance)_parsed[index];
        }
    }
}
