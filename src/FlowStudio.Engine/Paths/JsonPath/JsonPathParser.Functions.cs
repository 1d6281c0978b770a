using FlowStudio.Engine.Paths.JsonPath.Filters;
using FlowStudio.Engine.Paths.JsonPath.Functions;

namespace FlowStudio.Engine.Paths.JsonPath;

/// <summary>Function calls (§2.4): names, arguments, and the well-typedness checks of §2.4.3.</summary>
internal sealed partial class JsonPathParser
{
    private string FunctionName()
    {
        var start = _at;
        while (!AtEnd && (char.IsAsciiLetterLower(Current) || char.IsAsciiDigit(Current) || Current == '_'))
        {
            _at++;
        }

        return _text[start.._at];
    }

    private FunctionOperand FunctionCall(string name, int start)
    {
        var function = FunctionExtensions.Find(name)
            ?? throw ErrorAt(start, $"unknown function '{name}()'; JSONPath has {FunctionExtensions.Known}");
        Enter();
        _at++;
        SkipBlanks();
        var arguments = new List<Operand>();
        if (!AtEnd && Current != ')')
        {
            arguments.Add(Argument());
            while (true)
            {
                SkipBlanks();
                if (AtEnd || Current != ',')
                {
                    break;
                }

                _at++;
                SkipBlanks();
                arguments.Add(Argument());
            }
        }

        if (AtEnd || Current != ')')
        {
            throw Error($"expected ',' or ')' in the call of {name}(){(AtEnd ? string.Empty : $", not {Describe()}")}");
        }

        _at++;
        Leave();
        if (arguments.Count != function.Parameters.Count)
        {
            throw ErrorAt(start, $"{name}() takes {function.Parameters.Count} argument{(function.Parameters.Count == 1 ? string.Empty : "s")} ({function.Signature}), not {arguments.Count}");
        }

        for (var i = 0; i < arguments.Count; i++)
        {
            if (!arguments[i].ConvertsTo(function.Parameters[i]))
            {
                throw ErrorAt(arguments[i].Position - 1,
                    $"argument {i + 1} of {function.Signature} must be {Expected(function.Parameters[i])}, but this is {Described(arguments[i])}");
            }
        }

        return new FunctionOperand(function, arguments, start + 1);
    }

    /// <summary>A function argument (§2.4): a literal, a query, a function call, or a logical expression.</summary>
    private Operand Argument()
    {
        var start = _at;
        if (IsLiteralStart())
        {
            var literal = Primary();
            var after = _at;
            SkipBlanks();
            if (AtEnd || Current is ',' or ')')
            {
                _at = after;
                return literal;
            }

            _at = start;
        }

        var expression = OrExpression();
        if (expression is TestExpression test && _text[start] != '(')
        {
            return test.Operand;
        }

        RequireLogical(expression);
        return new LogicalOperand(expression, start + 1);
    }

    private bool IsLiteralStart()
    {
        if (Current is '\'' or '"' or '-' || char.IsAsciiDigit(Current))
        {
            return true;
        }

        var end = _at;
        while (end < _text.Length && char.IsAsciiLetterLower(_text[end]))
        {
            end++;
        }

        return KeywordLiteral(_text[_at..end]) is not null && (end == _text.Length || _text[end] != '(');
    }

    private void RequireLogical(LogicalExpression expression)
    {
        if (expression is TestExpression { IsWellTyped: false, Operand: FunctionOperand call })
        {
            throw ErrorAt(call.Position - 1,
                $"{call.Function.Name}() gives a value, not true or false, so it cannot stand alone as a test; compare it, e.g. {call.Function.Name}(…) == 1");
        }
    }

    private void RequireComparable(Operand operand)
    {
        if (operand.ConvertsTo(FilterType.Value))
        {
            return;
        }

        throw ErrorAt(operand.Position - 1, operand switch
        {
            FunctionOperand call => $"{call.Function.Name}() gives true or false, which cannot be compared; use it alone as a test",
            _ => "only a singular query (one name or index per step, like @.price or $.limits[0]) can be compared; this one may select several nodes",
        });
    }

    private static string Expected(FilterType type) => type switch
    {
        FilterType.Value => "a single value (a literal, a singular query like @.name, or a function giving a value)",
        FilterType.Nodes => "a query, e.g. @.items[*]",
        _ => "a logical expression",
    };

    private static string Described(Operand operand) => operand switch
    {
        LiteralOperand => "a literal",
        QueryOperand { Query.IsSingular: false } => "a query that may select several nodes",
        QueryOperand => "a query",
        FunctionOperand call => $"{call.Function.Name}(), which gives {(call.Type == FilterType.Logical ? "true or false" : call.Type == FilterType.Nodes ? "nodes" : "a value")}",
        _ => "a logical expression",
    };
}
