namespace FlowStudio.Engine.Tests.Scripting;

/// <summary>Scripts an attacker sends as grouping code (each measured against the app before the worker process).</summary>
internal static class HostileScripts
{
    public const string Normal = "const group = (records) => ({ records: records.map(({ id }) => ({ id: `cs-${id}` })) });";

    public const string EndlessLoop = "function group(b) {\n  while (true) { }\n}";

    public const string HugeJoin = "function group(b) {\n  return new Array(25000000).join('abcdefgh');\n}";

    public const string CatastrophicRegex = "function group(b) {\n  return /^(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaa!');\n}";

    /// <summary>The same regex on 34 a's: minutes of backtracking in one native call.</summary>
    public const string EndlessRegex = "function group(b) {\n  return /^(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!');\n}";

    public const string StringDoubling = "function group(b) {\n  let s = 'x';\n  while (true) { s = s + s; }\n}";

    public const string PushBomb = "function group(b) {\n  const a = [];\n  while (true) { a.push('xxxxxxxxxxxxxxxxxxxx' + a.length); }\n}";

    public const string DeepRecursion = "function down(n) {\n  return down(n + 1);\n}\nfunction group(b) { return down(0); }";

    public const string InfiniteRecursion = "function group(b) {\n  return group(b) + 1;\n}";

    /// <summary>24 statements returning 84 MB of JSON.</summary>
    public const string HugeOutput = "function group(b) {\n  let s = 'x';\n  for (let i = 0; i < 24; i++) { s = s + s; }\n  return [s, s, s, s, s];\n}";

    /// <summary>One native call building a 60M-character string (120 MB) that Jint's between-statement checks never see.</summary>
    public const string NativeBlowUp = "function group(b) {\n  const s = 'x'.repeat(5000000);\n  return s.replace(/x/g, 'yyyyyyyyyyyy').length;\n}";

    public static string NestedParentheses(int depth) =>
        "function group(records) {\n  return " + new string('(', depth) + "records" + new string(')', depth) + ";\n}";
}
