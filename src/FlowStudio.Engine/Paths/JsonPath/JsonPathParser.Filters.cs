using FlowStudio.Engine.Paths.JsonPath.Filters;

namespace FlowStudio.Engine.Paths.JsonPath;

/// <summary>Filter expressions (§2.3.5): ||, &amp;&amp;, !, parentheses, comparisons, tests and function calls.</summary>
internal sealed partial class JsonPathParser
{
    private LogicalExpression LogicalExpression()
    {
        var expression = OrExpression();
        RequireLogical(expression);
        return expression;
    }

    private LogicalExpression OrExpression()
    {
        var operands = new List<LogicalExpression> { AndExpression() };
        while (Operator("||"))
        {
            operands.Add(AndExpression());
        }

        if (operands.Count == 1)
        {
            return operands[0];
        }

        operands.ForEach(RequireLogical);
        return new OrExpression(operands);
    }

    private LogicalExpression AndExpression()
    {
        var operands = new List<LogicalExpression> { BasicExpression() };
        while (Operator("&&"))
        {
            operands.Add(BasicExpression());
        }

        if (operands.Count == 1)
        {
            return operands[0];
        }

        operands.ForEach(RequireLogical);
        return new AndExpression(operands);
    }

    /// <summary>Consumes blanks, <paramref name="op"/> and blanks when <paramref name="op"/> comes next; else moves nothing.</summary>
    private bool Operator(string op)
    {
        var before = _at;
        SkipBlanks();
        if (string.CompareOrdinal(_text, _at, op, 0, op.Length) == 0)
        {
            _at += op.Length;
            SkipBlanks();
            return true;
        }

        _at = before;
        return false;
    }

    private LogicalExpression BasicExpression()
    {
        if (AtEnd)
        {
            throw Error("expected a filter expression, e.g. @.status == 'active'");
        }

        if (Current == '!')
        {
            _at++;
            SkipBlanks();
            if (!AtEnd && Current == '(')
            {
                return new NotExpression(Parenthesised());
            }

            var operand = Primary();
            if (operand is LiteralOperand)
            {
                throw ErrorAt(operand.Position - 1, "'!' must be followed by a query, a function or a parenthesised expression, not a literal");
            }

            var test = new TestExpression(operand);
            RequireLogical(test);
            var after = _at;
            SkipBlanks();
            if (!AtEnd && IsComparisonStart())
            {
                throw Error("'!' cannot negate a comparison directly; write !(a == b), or a != b");
            }

            _at = after;
            return new NotExpression(test);
        }

        if (Current == '(')
        {
            return Parenthesised();
        }

        var left = Primary();
        var beforeOperator = _at;
        SkipBlanks();
        if (ComparisonOperator() is { } op)
        {
            RequireComparable(left);
            SkipBlanks();
            var right = Primary();
            RequireComparable(right);
            return new ComparisonExpression(left, op, right);
        }

        _at = beforeOperator;
        if (left is LiteralOperand)
        {
            throw ErrorAt(left.Position - 1, "a literal alone is not a test; compare it, e.g. @.status == 'active'");
        }

        return new TestExpression(left);
    }

    private LogicalExpression Parenthesised()
    {
        var open = _at;
        Enter();
        _at++;
        SkipBlanks();
        var inner = LogicalExpression();
        SkipBlanks();
        if (AtEnd || Current != ')')
        {
            throw Error($"expected ')' to close the '(' at position {open + 1}{(AtEnd ? string.Empty : $", not {Describe()}")}");
        }

        _at++;
        Leave();
        return inner;
    }

    private bool IsComparisonStart() =>
        Current is '=' or '<' or '>' || (Current == '!' && _at + 1 < _text.Length && _text[_at + 1] == '=');

    private ComparisonOperator? ComparisonOperator()
    {
        if (AtEnd || !IsComparisonStart())
        {
            return null;
        }

        var two = _at + 1 < _text.Length ? _text.Substring(_at, 2) : string.Empty;
        ComparisonOperator? op = two switch
        {
            "==" => Filters.ComparisonOperator.Equal,
            "!=" => Filters.ComparisonOperator.NotEqual,
            "<=" => Filters.ComparisonOperator.LessOrEqual,
            ">=" => Filters.ComparisonOperator.GreaterOrEqual,
            _ => null,
        };
        if (op is not null)
        {
            _at += 2;
            return op;
        }

        switch (Current)
        {
            case '<':
                _at++;
                return Filters.ComparisonOperator.Less;
            case '>':
                _at++;
                return Filters.ComparisonOperator.Greater;
            default:
                throw Error("use '==' to compare, not '='");
        }
    }

    /// <summary>A literal, a query (<c>@…</c>, <c>$…</c>) or a function call.</summary>
    private Operand Primary()
    {
        if (AtEnd)
        {
            throw Error("expected a value, a query (@ or $) or a function");
        }

        var start = _at;
        switch (Current)
        {
            case '@' or '$':
                _at++;
                return new QueryOperand(new QueryExpression(_text[start] == '$', Segments()), start + 1);
            case '\'' or '"':
                return new LiteralOperand(new Newtonsoft.Json.Linq.JValue(StringLiteral()), start + 1);
            case '-':
            case >= '0' and <= '9':
                return new LiteralOperand(NumberLiteral(), start + 1);
            case >= 'a' and <= 'z':
                var name = FunctionName();
                if (!AtEnd && Current == '(')
                {
                    return FunctionCall(name, start);
                }

                if (KeywordLiteral(name) is { } keyword)
                {
                    return new LiteralOperand(keyword, start + 1);
                }

                SkipBlanks();
                throw !AtEnd && Current == '('
                    ? Error("no space is allowed between a function name and '('")
                    : ErrorAt(start, $"unknown word '{name}'; expected true, false, null, a query (@ or $) or a function call");
            default:
                throw Error($"expected a value, a query (@ or $) or a function, not {Describe()}");
        }
    }
}
